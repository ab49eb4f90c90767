import { VOTABLE_SHAPE_TYPES, isVoteItem, itemKey } from '@werkraum/shared'
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
  // While a vote is open, every note that can be voted on is marked: a click on its "+1" places a dot, on "−1" takes one of yours back.
  // Only where such a click counts (not for observers, not on boards the vote is not about), and as the panel lists them.
  const votable = useValue(
    'votable notes',
    () => {
      if (info?.cast === undefined || info.vote === undefined || info.vote.status !== 'open' || info.vote.target !== 'notes' || !info.vote.boardIds.includes(info.boardId)) return []
      return editor
        .getCurrentPageShapes()
        .filter((s) => isVoteItem(info.vote ?? {}, info.boardId, s))
        .map((s) => {
          const bounds = editor.getShapePageBounds(s.id)
          if (!bounds) return undefined
          const a = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
          const b = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
          return { id: s.id, x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y, mine: info.mine[itemKey(info.boardId, s.id)] ?? 0 }
        })
        .filter((n): n is NonNullable<typeof n> => n !== undefined)
    },
    [editor, info],
  )
  const badges = useValue(
    'vote badges',
    () => {
      if (info?.vote === undefined) return []
      const counts = info.vote.counts ?? {}
      return editor
        .getCurrentPageShapes()
        .filter((s) => VOTABLE_SHAPE_TYPES.includes(s.type))
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
    // Hidden from assistive technology: the vote panel above the board offers the same, labelled.
    <div className="vote-badges" aria-hidden="true">
      {votable.map((n) => (
        <span key={`outline-${n.id}`} className="vote-outline" style={{ left: n.x, top: n.y, width: n.w, height: n.h }}>
          {info?.cast !== undefined ? (
            <button type="button" tabIndex={-1} className="vote-plus" data-testid="vote-plus" onPointerDown={(e) => e.stopPropagation()} onClick={() => info.cast?.(n.id)}>
              +1
            </button>
          ) : null}
          {info?.retract !== undefined && n.mine > 0 ? (
            <button
              type="button"
              tabIndex={-1}
              className="vote-plus vote-minus"
              data-testid="vote-minus"
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => info.retract?.(n.id)}
            >
              −1
            </button>
          ) : null}
        </span>
      ))}
      {badges.map((b) => (
        <span key={b.id} className={`vote-badge ${b.mine > 0 ? 'vote-badge--mine' : ''}`} style={{ left: b.x, top: b.y }} data-testid="vote-badge">
          {b.count ?? '•'.repeat(Math.min(b.mine, 5))}
        </span>
      ))}
    </div>
  )
}
