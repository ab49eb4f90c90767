/**
 * Simple mode's tools (issue #14): select, move (hand) and the sticky note;
 * the concept card comes from its own button. The toolbar shows only these
 * (BoardToolbar.tsx), but tldraw's single-key shortcuts reach every tool it
 * knows ("d" draws, "r" makes a rectangle): a newcomer who types while no
 * note is open would land in a tool they never chose. In simple mode tldraw
 * is told of no other tools, so their shortcuts are gone too.
 */
import { useEffect } from 'react'
import type { Editor, TLUiOverrides } from 'tldraw'
import { TLDRAW_OVERRIDES } from './tldrawTranslations.ts'

/** Tools simple mode keeps; `zoom` is the one tldraw takes while "z" is held. */
export const SIMPLE_TOOLS: ReadonlySet<string> = new Set(['select', 'hand', 'note', 'zoom'])

const SIMPLE_TOOL_OVERRIDES: TLUiOverrides = {
  tools(_editor, tools) {
    return Object.fromEntries(Object.entries(tools).filter(([id]) => SIMPLE_TOOLS.has(id)))
  },
}

/*
 * Module-level, like TLDRAW_OVERRIDES: tldraw rebuilds its UI contexts when an
 * element changes. Both lists have the same length on purpose: tldraw compares
 * them as a hook's dependency list, and React compares only as many elements
 * as the shorter list has, so [a] → [a, b] would go unnoticed.
 */
const NO_OVERRIDES: TLUiOverrides = {}
const SIMPLE_OVERRIDES: TLUiOverrides[] = [TLDRAW_OVERRIDES, SIMPLE_TOOL_OVERRIDES]
const FULL_OVERRIDES: TLUiOverrides[] = [TLDRAW_OVERRIDES, NO_OVERRIDES]

/** What BoardCanvas passes to tldraw as `overrides`. */
export function tldrawOverrides(simple: boolean): TLUiOverrides[] {
  return simple ? SIMPLE_OVERRIDES : FULL_OVERRIDES
}

/** Switching simple mode on while another tool is chosen (the pen, a shape) goes back to select: that tool has no button any more. */
export function useSimpleToolReset(editor: Editor | undefined, simple: boolean): void {
  useEffect(() => {
    if (editor !== undefined && simple && !SIMPLE_TOOLS.has(editor.getCurrentToolId())) editor.setCurrentTool('select')
  }, [editor, simple])
}
