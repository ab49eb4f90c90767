import { itemKey } from '@werkraum/shared'
import { useContext } from 'react'
import { useEditor, useValue } from 'tldraw'
import { VoteBadgeContext } from './VotePanel.tsx'

/**
 * Counts as badges on the notes themselves (tldraw's "in front of the
 * canvas" layer, in screen space): live when the session shows counts, and
 * after it is closed. Your own dots are marked too.
 */
export function VoteBadges() {
  const editor = useEditor()
  const info = useContext(VoteBadgeContext)
  const badges = useValue(
    'vote badges',
    () => {
      if (info?.vote === undefined) return []
      const counts = info.vote.counts ?? {}
      return editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'note')
        .map((s) => {
          const key = itemKey(info.boardId, s.id)
          const bounds = editor.getShapePageBounds(s.id)
          if (!bounds) return undefined
          const at = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
          return { id: s.id, x: at.x, y: at.y, count: counts[key], mine: info.mine[key] ?? 0 }
        })
        .filter((b): b is NonNullable<typeof b> => b !== undefined && (b.count !== undefined || b.mine > 0))
    },
    [editor, info],
  )
  return (
    <div className="vote-badges" aria-hidden="true">
      {badges.map((b) => (
        <span key={b.id} className={`vote-badge ${b.mine > 0 ? 'vote-badge--mine' : ''}`} style={{ left: b.x, top: b.y }} data-testid="vote-badge">
          {b.count ?? '•'.repeat(Math.min(b.mine, 5))}
        </span>
      ))}
    </div>
  )
}
