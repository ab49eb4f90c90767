/**
 * One concept, however often it was copied (issue #13). Bringing results into
 * the plenary and a top-voted breakout copy cards between boards; each copy
 * remembers where it came from (`meta.werkraumCopiedFrom`, written by
 * `boardCopy.ts`). The catalogue ranks a card and all its copies as one
 * concept: their votes and pledges added up, listed once, with the text of
 * the copy people worked on last.
 */
import { itemKey } from './votes.ts'

/** An item of the catalogue and the item it was copied from, if it is a copy. */
export interface CopyNode {
  /** `<boardId>/<shapeId>` */
  readonly item: string
  /** The item this one was copied from (`copiedFromItem`), or null for an original. */
  readonly from: string | null
}

/** A card and its copies, in the order they were given. */
export interface CopyGroup<T extends CopyNode> {
  /** The original: the member nearest to where the chain starts (the first given, when several are equally near). */
  readonly original: T
  /**
   * The most developed copy: the one farthest from the original along the
   * chain of copies (later work continued there); the last given among equally
   * far ones; the original itself when it was never copied.
   */
  readonly latest: T
  readonly members: readonly T[]
}

/**
 * The item a shape was copied from, read from its `meta` defensively (boards
 * are written by clients): `{ boardId, shapeId }` with non-empty strings, else null.
 */
export function copiedFromItem(meta: unknown): string | null {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return null
  const from = (meta as { werkraumCopiedFrom?: unknown }).werkraumCopiedFrom
  if (typeof from !== 'object' || from === null) return null
  const { boardId, shapeId } = from as { boardId?: unknown; shapeId?: unknown }
  if (typeof boardId !== 'string' || typeof shapeId !== 'string' || boardId === '' || shapeId === '') return null
  return itemKey(boardId, shapeId)
}

/**
 * Where an item's chain of copies starts, and how many copies away from it
 * the item is. The chain follows `from` through the given items; it starts at
 * an item that is no copy, or at an item not among the given ones (an original
 * deleted since, or left out as empty: its copies still belong together). A
 * cycle (only a client could write one) starts at its smallest item key, so
 * that every member of it agrees.
 */
function chainStart(node: CopyNode, byItem: ReadonlyMap<string, CopyNode>): { start: string; depth: number } {
  const path: string[] = [node.item]
  let current = node
  for (;;) {
    const next = current.from
    if (next === null) return { start: current.item, depth: path.length - 1 }
    const at = path.indexOf(next)
    if (at >= 0) {
      const start = path.slice(at).reduce((a, b) => (b < a ? b : a))
      return { start, depth: path.indexOf(start) }
    }
    const nextNode = byItem.get(next)
    if (nextNode === undefined) return { start: next, depth: path.length }
    path.push(next)
    current = nextNode
  }
}

/**
 * Groups items with their copies: one group per concept, in the order of each
 * group's first member. Items with the same key are taken once (the first).
 */
export function groupCopies<T extends CopyNode>(nodes: readonly T[]): Array<CopyGroup<T>> {
  const byItem = new Map<string, T>()
  for (const n of nodes) if (!byItem.has(n.item)) byItem.set(n.item, n)
  const groups = new Map<string, Array<{ node: T; depth: number }>>()
  for (const node of byItem.values()) {
    const { start, depth } = chainStart(node, byItem)
    const group = groups.get(start) ?? []
    group.push({ node, depth })
    groups.set(start, group)
  }
  return [...groups.values()].map((members) => {
    let original = members[0]!
    let latest = members[0]!
    for (const m of members) {
      if (m.depth < original.depth) original = m
      if (m.depth >= latest.depth) latest = m
    }
    return { original: original.node, latest: latest.node, members: members.map((m) => m.node) }
  })
}
