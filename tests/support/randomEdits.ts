/**
 * Random edits on the three roots `snapshotOf` compares (`text`, `map`,
 * `list`), including nested shared types, rich-text formatting and deletions,
 * for the randomized convergence test. Every choice comes from the seeded
 * `Random`, never from Math.random.
 */
import * as Y from 'yjs'
import type { Random } from './random.ts'

/** Few keys, so that clients often write the same one concurrently. */
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f']
/** Multi-byte text on purpose (umlauts, ß, €, CJK, an astral emoji), as workshop notes contain. */
const ALPHABET = ['a', 'b', 'c', 'x', 'y', ' ', 'ä', 'ß', '€', '漢', '😀', '\n']
/** Nested shared types are created up to this depth below a root. */
const MAX_DEPTH = 3

type Container = { type: Y.Text | Y.Map<unknown> | Y.Array<unknown>; depth: number; path: string }

/** Every shared type reachable from the roots, so that edits also land inside nested ones. */
function containers(doc: Y.Doc): Container[] {
  const found: Container[] = []
  const visit = (type: unknown, depth: number, path: string): void => {
    if (type instanceof Y.Text) found.push({ type, depth, path })
    else if (type instanceof Y.Map) {
      found.push({ type: type as Y.Map<unknown>, depth, path })
      for (const [key, value] of (type as Y.Map<unknown>).entries()) visit(value, depth + 1, `${path}.${key}`)
    } else if (type instanceof Y.Array) {
      found.push({ type: type as Y.Array<unknown>, depth, path })
      ;(type as Y.Array<unknown>).forEach((value, i) => visit(value, depth + 1, `${path}[${i}]`))
    }
  }
  visit(doc.getText('text'), 0, 'text')
  visit(doc.getMap('map'), 0, 'map')
  visit(doc.getArray('list'), 0, 'list')
  return found
}

/** A value to store in a map or list: mostly plain JSON, sometimes binary or a new nested shared type. */
function randomValue(rng: Random, depth: number): unknown {
  const kind = rng.weighted({ number: 3, string: 3, bool: 1, null: 1, json: 2, binary: 1, nested: depth < MAX_DEPTH ? 3 : 0 })
  switch (kind) {
    case 'number':
      return rng.between(-1000, 1000)
    case 'string':
      return rng.string(6, ALPHABET)
    case 'bool':
      return rng.chance(0.5)
    case 'null':
      return null
    case 'json':
      return { x: rng.int(100), y: rng.int(100), tags: [rng.string(3, ALPHABET)] }
    case 'binary':
      return Uint8Array.from({ length: rng.between(1, 4) }, () => rng.int(256))
    case 'nested': {
      const which = rng.pick(['text', 'map', 'array'] as const)
      if (which === 'text') return new Y.Text(rng.string(4, ALPHABET))
      if (which === 'map') {
        const map = new Y.Map<unknown>()
        map.set(rng.pick(KEYS), rng.int(10))
        return map
      }
      return Y.Array.from([rng.int(10), rng.string(3, ALPHABET)])
    }
  }
}

/**
 * True if a cursor at `index` would sit between the two UTF-16 halves of an
 * astral character such as an emoji. An editor never puts the caret there.
 * Yjs (13.6) replaces a split pair with two U+FFFD, and a `format` that turns
 * out to change nothing splits it on this replica only, without sending
 * anything: that replica then shows "��" where the others show the emoji, with
 * identical state vectors and delete sets (seed 1, steady, found it).
 */
function insideSurrogatePair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1)
  const after = text.charCodeAt(index)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

function editText(rng: Random, text: Y.Text, path: string): string {
  const current = text.toString()
  const length = current.length
  const action = rng.weighted({ insert: 5, delete: length > 0 ? 3 : 0, format: length > 0 ? 1 : 0 })
  if (action === 'insert') {
    let index = rng.int(length + 1)
    if (insideSurrogatePair(current, index)) index++
    const content = rng.string(8, ALPHABET)
    const attributes = rng.chance(0.2) ? { bold: true } : undefined
    text.insert(index, content, attributes)
    return `${path} insert ${index} ${JSON.stringify(content)}${attributes ? ' bold' : ''}`
  }
  // A range of whole characters: start and end both on character boundaries.
  let index = rng.int(length)
  if (insideSurrogatePair(current, index)) index--
  let end = Math.min(length, index + rng.between(1, 6))
  if (insideSurrogatePair(current, end)) end++
  const count = end - index
  if (action === 'delete') {
    text.delete(index, count)
    return `${path} delete ${index}+${count}`
  }
  const attributes = rng.chance(0.5) ? { bold: true } : { bold: null, color: rng.pick(['red', 'blue']) }
  text.format(index, count, attributes)
  return `${path} format ${index}+${count} ${JSON.stringify(attributes)}`
}

function editMap(rng: Random, map: Y.Map<unknown>, depth: number, path: string): string {
  const keys = [...map.keys()]
  if (keys.length > 0 && rng.chance(0.3)) {
    const key = rng.pick(keys)
    map.delete(key)
    return `${path} delete ${key}`
  }
  const key = rng.pick(KEYS)
  map.set(key, randomValue(rng, depth + 1))
  return `${path} set ${key}`
}

function editArray(rng: Random, array: Y.Array<unknown>, depth: number, path: string): string {
  const length = array.length
  if (length > 0 && rng.chance(0.35)) {
    const index = rng.int(length)
    const count = Math.min(length - index, rng.between(1, 3))
    array.delete(index, count)
    return `${path} delete ${index}+${count}`
  }
  const index = rng.int(length + 1)
  const values = Array.from({ length: rng.between(1, 3) }, () => randomValue(rng, depth + 1))
  array.insert(index, values)
  return `${path} insert ${index} x${values.length}`
}

/** Makes one random edit somewhere in `doc` (outside any transaction of its own) and says what it did. */
export function randomEdit(rng: Random, doc: Y.Doc): string {
  const all = containers(doc)
  // Roots get half the edits, so that the top-level state stays busy as nesting grows.
  const target = rng.chance(0.5) ? rng.pick(all.filter((c) => c.depth === 0)) : rng.pick(all)
  const { type, depth, path } = target
  if (type instanceof Y.Text) return editText(rng, type, path)
  if (type instanceof Y.Map) return editMap(rng, type, depth, path)
  return editArray(rng, type, depth, path)
}

/** Several random edits in one transaction: one update on the wire, possibly touching several types. */
export function randomTransaction(rng: Random, doc: Y.Doc): string {
  const done: string[] = []
  doc.transact(() => {
    const n = rng.between(2, 6)
    for (let i = 0; i < n; i++) done.push(randomEdit(rng, doc))
  })
  return `transact [${done.join('; ')}]`
}

/** Plain JSON with object keys sorted at every level: Y.Map iterates in local insertion order, which differs between clients. */
export function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return { binary: [...value] }
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}
