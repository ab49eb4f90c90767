/**
 * Who wrote on a board (issue #13). A room's banner named only the room's
 * members, so someone who wrote there and was then moved to another room
 * went missing from its result. Each shape therefore keeps in its meta the
 * people who made it or changed its text, written by their own browser; a
 * board's writers are everyone found on its shapes.
 *
 * Only what a person does here is recorded: shapes arriving from other
 * browsers (or from this browser's stored copy) already carry their writers,
 * and what Werkraum lays out itself (a template, a follow-up's concepts)
 * runs inside `withoutAuthorship`, so whoever opened the board first is no
 * writer of it.
 */
import { useSyncExternalStore } from 'react'
import { react, type Editor, type JsonObject, type TLShape } from 'tldraw'

export const AUTHORS_META_KEY = 'werkraumAuthors'
/** A shape lists no more writers than this: the meta travels with every change of the shape. */
export const MAX_AUTHORS_PER_SHAPE = 50
const MAX_NAME_CHARS = 80
const MAX_ID_CHARS = 64

export interface Author {
  readonly id: string
  readonly name: string
}

/** The writers `meta` lists. Meta comes from other browsers: anything malformed is left out. */
export function authorsOf(meta: JsonObject | undefined): Author[] {
  const list = meta?.[AUTHORS_META_KEY]
  if (!Array.isArray(list)) return []
  return list.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return []
    const { id, name } = entry
    if (typeof id !== 'string' || typeof name !== 'string' || id === '' || id.length > MAX_ID_CHARS) return []
    return [{ id, name: name.slice(0, MAX_NAME_CHARS) }]
  })
}

/** `meta` with `author` added to its writers, or undefined when it lists them already (or is full). */
export function withAuthor(meta: JsonObject, author: Author): JsonObject | undefined {
  const authors = authorsOf(meta)
  if (authors.some((a) => a.id === author.id) || authors.length >= MAX_AUTHORS_PER_SHAPE) return undefined
  const list: JsonObject[] = [...authors, author].map(({ id, name }) => ({ id, name }))
  return { ...meta, [AUTHORS_META_KEY]: list }
}

/** Everyone who wrote on `shapes`, each once, in the order first met. */
export function boardAuthors(shapes: Iterable<{ readonly meta: JsonObject }>): Author[] {
  const found = new Map<string, Author>()
  for (const shape of shapes) for (const author of authorsOf(shape.meta)) if (!found.has(author.id)) found.set(author.id, author)
  return [...found.values()]
}

/**
 * The names of those who wrote on a room's board but are not among its
 * members, under the name the workshop knows them by now (a renamed person
 * is not listed under an old name), else the name they wrote under.
 */
export function writersBesides(
  memberIds: readonly string[],
  authors: readonly Author[],
  people: readonly { readonly id: string; readonly name: string }[],
): string[] {
  const members = new Set(memberIds)
  const names = authors
    .filter((a) => !members.has(a.id))
    .map((a) => people.find((p) => p.id === a.id)?.name ?? a.name)
    .filter((name) => name !== '')
  return [...new Set(names)]
}

/** What recording needs of tldraw's `Editor`, which satisfies it (Node tests drive a store with a stand-in). */
export type AuthorshipEditor = Pick<Editor, 'sideEffects' | 'getShapeUtil'>

const quiet = new WeakMap<AuthorshipEditor, number>()

/** Runs `fn` (Werkraum laying something out) without making this person a writer of what it creates. */
export function withoutAuthorship<T>(editor: AuthorshipEditor, fn: () => T): T {
  quiet.set(editor, (quiet.get(editor) ?? 0) + 1)
  try {
    return fn()
  } finally {
    quiet.set(editor, (quiet.get(editor) ?? 1) - 1)
  }
}

/**
 * From now on, shapes this person makes in `editor`, or whose text they
 * change, list them as a writer. `author` is read at each change (names can
 * change). Returns the function that stops it.
 */
export function recordAuthorship(editor: AuthorshipEditor, author: () => Author): () => void {
  const recording = (source: 'user' | 'remote'): boolean => source === 'user' && (quiet.get(editor) ?? 0) === 0
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (!recording(source)) return shape
    const meta = withAuthor(shape.meta, author())
    return meta === undefined ? shape : { ...shape, meta }
  })
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    // Cheap tests first: this runs for every move of every shape.
    if (!recording(source) || prev.props === next.props) return next
    const me = author()
    if (authorsOf(next.meta).some((a) => a.id === me.id) || !textChanged(editor, prev, next)) return next
    const meta = withAuthor(next.meta, me)
    return meta === undefined ? next : { ...next, meta }
  })
  return () => {
    stopCreate()
    stopChange()
  }
}

function textChanged(editor: AuthorshipEditor, prev: TLShape, next: TLShape): boolean {
  const util = editor.getShapeUtil(next)
  return util.getText(prev) !== util.getText(next)
}

// Who wrote on each board shown now, keyed by its document name, for the banner above it.
const published = new Map<string, readonly Author[]>()
const listeners = new Set<() => void>()
const notify = (): void => listeners.forEach((listener) => listener())
const NOBODY: readonly Author[] = []

/** Keeps the writers of `editor`'s board readable by `useBoardAuthors(docName)` until the returned function is called. */
export function publishAuthors(editor: Editor, docName: string): () => void {
  const stop = react('publish board authors', () => {
    const authors = boardAuthors(editor.getCurrentPageShapes())
    const before = published.get(docName)
    if (before !== undefined && sameAuthors(before, authors)) return
    published.set(docName, authors)
    notify()
  })
  return () => {
    stop()
    published.delete(docName)
    notify()
  }
}

/** Who wrote on the board with document `docName`, while it is shown; nobody before that. */
export function useBoardAuthors(docName: string): readonly Author[] {
  return useSyncExternalStore(subscribe, () => published.get(docName) ?? NOBODY)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function sameAuthors(a: readonly Author[], b: readonly Author[]): boolean {
  return a.length === b.length && a.every((author, i) => author.id === b[i]?.id && author.name === b[i]?.name)
}
