/**
 * The canvas's toolbar (issue #14): what people write with comes first, so a
 * phone (where tldraw shows only the first five or six tools and folds the
 * rest into "Mehr") shows the sticky note and the concept card without a
 * search. Simple mode shows only what a newcomer needs: select, move (hand),
 * note and concept card; the vote dots sit on the notes themselves.
 */
import { CONCEPT_CARD_TYPE } from '@werkraum/shared'
import { AssetToolbarItem, DefaultToolbar, TldrawUiMenuItem, ToolbarItem, useEditor, useReadonly } from 'tldraw'
import { useRef } from 'react'
import { useSimpleMode } from '../settings/simpleMode.ts'
import { addConceptCard } from './addConceptCard.ts'

/** tldraw's tools after the writing ones, in tldraw's own order (its default toolbar without the note). */
const MORE_TOOLS = [
  'draw',
  'eraser',
  'arrow',
  'text',
  'asset',
  'rectangle',
  'ellipse',
  'triangle',
  'diamond',
  'hexagon',
  'oval',
  'rhombus',
  'star',
  'cloud',
  'heart',
  'x-box',
  'check-box',
  'arrow-left',
  'arrow-up',
  'arrow-down',
  'arrow-right',
  'line',
  'highlight',
  'laser',
  'frame',
] as const

/** Longer than a tap lasts: tldraw's toolbar buttons act on `touchstart` and again on the click that follows it. */
const SAME_TAP_MS = 1000

/** The concept card has no canvas tool: the button puts a new card in view and opens it for writing. */
function ConceptCardToolbarItem() {
  const editor = useEditor()
  const readOnly = useReadonly()
  const lastAdded = useRef(-Infinity)
  if (readOnly) return null
  const add = (): void => {
    // One tap, one card (choosing a tool twice does no harm; adding a card twice does).
    if (performance.now() - lastAdded.current < SAME_TAP_MS) return
    lastAdded.current = performance.now()
    addConceptCard(editor)
  }
  return <TldrawUiMenuItem id={CONCEPT_CARD_TYPE} label={`tool.${CONCEPT_CARD_TYPE}`} icon="list" onSelect={add} />
}

export function BoardToolbar() {
  const simple = useSimpleMode()
  return (
    <DefaultToolbar>
      <ToolbarItem tool="select" />
      <ToolbarItem tool="hand" />
      <ToolbarItem tool="note" />
      <ConceptCardToolbarItem />
      {simple ? null : MORE_TOOLS.map((tool) => (tool === 'asset' ? <AssetToolbarItem key={tool} /> : <ToolbarItem key={tool} tool={tool} />))}
    </DefaultToolbar>
  )
}

