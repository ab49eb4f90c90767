/**
 * Reads back the structure of a PDF that `cataloguePdf` wrote, for tests
 * (the unit test and the browser test of the export): the structure tree with
 * each element's text, taken from the marked content of the pages, and what
 * a page draws outside any tag. Not a general PDF reader: it knows jsPDF's
 * uncompressed object syntax and the dictionaries `pdfTags.ts` writes, so a
 * change there shows up here as a failing test rather than passing unseen.
 * Only web APIs (DecompressionStream), so it runs in Node and in
 * a browser alike.
 */

export interface TaggedElement {
  readonly type: string
  /** The text of its own marked content, or of its children's, joined by spaces. */
  readonly text: string
  readonly alt?: string
  readonly actualText?: string
  /** The rest of its dictionary as written (attributes such as /Scope or /BBox). */
  readonly dictionary: string
  /** Pages (from 1) its own marked content lies on. */
  readonly pages: readonly number[]
  /** Whether its marked content draws an image. */
  readonly image: boolean
  readonly kids: readonly TaggedElement[]
}

export interface TaggedPdf {
  readonly catalog: string
  readonly lang: string | undefined
  readonly marked: boolean
  readonly pageCount: number
  readonly root: TaggedElement | undefined
  /** Text and images drawn outside any tag (neither content nor artifact), per page: should be none. */
  readonly untagged: readonly string[]
  /** Where the parent tree and the elements disagree about who owns a page's MCID: should be none. */
  readonly parentTreeErrors: readonly string[]
  /** The XMP metadata, as text. */
  readonly metadata: string | undefined
  /** The bookmarks, in order: depth (0 at the top), title and the page (from 1) each opens. */
  readonly outline: ReadonlyArray<{ depth: number; title: string; page: number | undefined }>
}

interface PdfObject {
  readonly dict: string
  readonly stream?: Uint8Array
}

function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

function objects(bytes: Uint8Array): Map<number, PdfObject> {
  const raw = latin1(bytes)
  const found = new Map<number, PdfObject>()
  const start = /(\d+) 0 obj\r?\n/g
  let match: RegExpExecArray | null
  while ((match = start.exec(raw)) !== null) {
    const from = match.index + match[0].length
    const streamAt = raw.indexOf('stream', from)
    const endAt = raw.indexOf('endobj', from)
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = raw.slice(from, streamAt)
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0)
      const dataAt = streamAt + (raw.startsWith('stream\r\n', streamAt) ? 8 : 7)
      found.set(Number(match[1]), { dict, stream: bytes.subarray(dataAt, dataAt + length) })
      start.lastIndex = raw.indexOf('endobj', dataAt + length)
    } else {
      found.set(Number(match[1]), { dict: raw.slice(from, endAt) })
      start.lastIndex = endAt
    }
  }
  return found
}

async function inflate(data: Uint8Array): Promise<string> {
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream('deflate'))
  return latin1(new Uint8Array(await new Response(stream).arrayBuffer()))
}

/** A PDF text string in hex, UTF-16BE after its byte order mark (as `pdfTextString` writes it). */
function hexText(hex: string): string {
  let out = ''
  for (let i = 4; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16))
  return out
}

/**
 * Windows-1252's 0x80–0x9F (undefined ones as U+FFFD); the rest is Latin-1. By
 * hand, because Node's TextDecoder built without full ICU drops these bytes.
 */
const WIN_ANSI_80 = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ'

/** A literal string of a `Tj`, its escapes undone, from Windows-1252 (jsPDF's Helvetica encoding). */
function literalText(escaped: string): string {
  const bytes: number[] = []
  for (let i = 0; i < escaped.length; i++) {
    const ch = escaped[i]!
    if (ch !== '\\') {
      bytes.push(ch.charCodeAt(0))
      continue
    }
    const next = escaped[++i] ?? ''
    const octal = /^[0-7]{1,3}/.exec(escaped.slice(i))
    if (octal) {
      bytes.push(parseInt(octal[0], 8))
      i += octal[0].length - 1
    } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0))
  }
  return bytes.map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80]! : String.fromCharCode(b))).join('')
}

function ref(dict: string, key: string): number | undefined {
  const found = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)
  return found ? Number(found[1]) : undefined
}

export async function readTaggedPdf(bytes: Uint8Array): Promise<TaggedPdf> {
  const all = objects(bytes)
  const get = (id: number | undefined): PdfObject => all.get(id ?? -1) ?? { dict: '' }
  const catalog = [...all.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict))?.dict ?? ''
  const pageIds = [...(/\/Kids \[([^\]]*)\]/.exec(get(ref(catalog, 'Pages')).dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]))
  const pageOf = new Map(pageIds.map((id, i) => [id, i + 1]))

  // Each page's marked content: text and images per MCID, and what lies outside every tag.
  const marked = new Map<string, { text: string[]; image: boolean }>()
  const untagged: string[] = []
  for (const [i, pageId] of pageIds.entries()) {
    const contents = get(ref(get(pageId).dict, 'Contents'))
    const content = contents.stream ? (contents.dict.includes('/FlateDecode') ? await inflate(contents.stream) : latin1(contents.stream)) : ''
    const stack: Array<string | null> = []
    const ops = /\/(\w+) <<\/MCID (\d+)>> BDC|\/Artifact BMC|\bEMC\b|\(((?:\\.|[^\\)])*)\) Tj|\/(\S+) Do\b/g
    for (const op of content.matchAll(ops)) {
      if (op[2] !== undefined) stack.push(`${i + 1}/${op[2]}`)
      else if (op[0] === '/Artifact BMC') stack.push(null)
      else if (op[0] === 'EMC') stack.pop()
      else {
        // The innermost sequence owns it: an MCID, an artifact (null), or none at all.
        const open = stack.at(-1)
        const what = op[3] !== undefined ? literalText(op[3]) : `image ${op[4]!}`
        if (open === undefined) untagged.push(`page ${i + 1}: ${what}`)
        else if (open !== null) {
          const entry = marked.get(open) ?? { text: [], image: false }
          if (op[3] !== undefined) entry.text.push(what)
          else entry.image = true
          marked.set(open, entry)
        }
      }
    }
  }

  // The structure tree, from its root, and the parent tree to check it against.
  const treeRoot = get(ref(catalog, 'StructTreeRoot')).dict
  const parentTreeErrors: string[] = []
  const owners = new Map<string, number>()
  const nums = /\/Nums \[(.*)\]/s.exec(get(ref(treeRoot, 'ParentTree')).dict)?.[1] ?? ''
  for (const entry of nums.matchAll(/(\d+) \[([^\]]*)\]/g)) {
    const refs = [...entry[2]!.matchAll(/(\d+) 0 R/g)]
    for (const [mcid, m] of refs.entries()) owners.set(`${Number(entry[1]) + 1}/${mcid}`, Number(m[1]))
  }
  const read = (id: number): TaggedElement => {
    const { dict } = get(id)
    const page = pageOf.get(ref(dict, 'Pg') ?? -1)
    const kids: TaggedElement[] = []
    const own: string[] = []
    const pages: number[] = []
    let image = false
    const k = /\/K \[([^\]]*)\]/.exec(dict)?.[1] ?? ''
    for (const kid of k.matchAll(/(\d+) 0 R|<<\/Type \/MCR \/Pg (\d+) 0 R \/MCID (\d+)>>|(\d+)/g)) {
      if (kid[1] !== undefined) {
        kids.push(read(Number(kid[1])))
        continue
      }
      const onPage = kid[2] !== undefined ? pageOf.get(Number(kid[2])) : page
      const key = `${onPage}/${kid[3] ?? kid[4]}`
      if (owners.get(key) !== id) parentTreeErrors.push(`${key} belongs to ${id} but the parent tree says ${owners.get(key)}`)
      pages.push(onPage ?? 0)
      own.push(...(marked.get(key)?.text ?? []))
      image ||= marked.get(key)?.image ?? false
    }
    const alt = /\/Alt <([0-9A-F]*)>/.exec(dict)?.[1]
    const actualText = /\/ActualText <([0-9A-F]*)>/.exec(dict)?.[1]
    return {
      type: /\/S \/(\w+)/.exec(dict)?.[1] ?? '?',
      text: (own.length > 0 ? own.join('') : kids.map((kid) => kid.text).join(' ')).trim(),
      ...(alt !== undefined ? { alt: hexText(alt) } : {}),
      ...(actualText !== undefined ? { actualText: hexText(actualText) } : {}),
      dictionary: dict,
      pages: [...new Set(pages)],
      image,
      kids,
    }
  }
  const outline: Array<{ depth: number; title: string; page: number | undefined }> = []
  const bookmarks = (first: number | undefined, depth: number): void => {
    for (let id = first; id !== undefined; id = ref(get(id).dict, 'Next')) {
      const { dict } = get(id)
      const title = /\/Title <([0-9A-F]*)>/.exec(dict)?.[1]
      outline.push({ depth, title: title === undefined ? '?' : hexText(title), page: pageOf.get(Number(/\/Dest \[(\d+) 0 R/.exec(dict)?.[1])) })
      bookmarks(ref(dict, 'First'), depth + 1)
    }
  }
  bookmarks(ref(get(ref(catalog, 'Outlines')).dict, 'First'), 0)
  const xmp = all.get(ref(catalog, 'Metadata') ?? -1)
  const rootId = /\/K \[(\d+) 0 R\]/.exec(treeRoot)?.[1]
  return {
    catalog,
    lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1],
    marked: /\/MarkInfo <<\/Marked true>>/.test(catalog),
    pageCount: pageIds.length,
    root: rootId === undefined ? undefined : read(Number(rootId)),
    untagged,
    parentTreeErrors,
    outline,
    metadata: xmp?.stream ? new TextDecoder().decode(xmp.stream) : undefined,
  }
}

/** Every element of the tree in reading order (depth first), the root first. */
export function taggedElements(root: TaggedElement | undefined): TaggedElement[] {
  return root ? [root, ...root.kids.flatMap((kid) => taggedElements(kid))] : []
}
