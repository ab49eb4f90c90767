/**
 * Tags for a PDF laid out by jsPDF (issue 14): jsPDF writes no structure tree
 * of its own, so this writes one beside it. Every piece of content is wrapped
 * in a marked-content sequence (`/P <</MCID 3>> BDC … EMC`) on its page and
 * belongs to a structure element (Document → H1, P, Table, Figure, L …) with a
 * parent tree from the pages back to the elements; decoration (rules, frames)
 * is marked as artifact. The catalog gets `/StructTreeRoot` and
 * `/MarkInfo <</Marked true>>`, each page `/StructParents` and `/Tabs /S`.
 *
 * It uses jsPDF's internal API (`internal.write`, `internal.events`,
 * `newObjectDeferred`), which jsPDF's own plugins use too; the unit test
 * `cataloguePdf.test.ts` reads the structure back from the file, so a jsPDF
 * update that changes it fails there rather than silently losing the tags.
 */
import type { jsPDF as JsPdf } from 'jspdf'

export type StructType = 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'Figure' | 'Table' | 'TR' | 'TH' | 'TD' | 'L' | 'LI' | 'Lbl' | 'LBody'

/** A marked-content sequence: an MCID on a page (numbered from 1). */
interface Marked {
  readonly page: number
  readonly mcid: number
}

interface Element {
  readonly type: StructType | 'Document'
  readonly parent: Element | null
  readonly kids: Array<Element | Marked>
  /** Further entries of the element's dictionary, already written as PDF. */
  readonly extra: string
  id: number
}

/** What jsPDF keeps inside and its own plugins use; its types leave it out. */
interface JsPdfInternals {
  write(...parts: Array<string | number>): void
  events: { subscribe(event: string, handler: (data: never) => void): unknown }
  newObjectDeferred(): number
  newObjectDeferredBegin(id: number, output: boolean): number
  getCurrentPageInfo(): { pageNumber: number }
  getPageInfo(page: number): { objId: number }
  getNumberOfPages(): number
}

/** A PDF text string that holds any character: UTF-16BE with its byte order mark, in hex. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

function isElement(kid: Element | Marked): kid is Element {
  return 'type' in kid
}

export class PdfTags {
  private readonly internal: JsPdfInternals
  private readonly root: Element = { type: 'Document', parent: null, kids: [], extra: '', id: 0 }
  /** The element new content and groups go into. */
  private current: Element = this.root
  /** The leaf element whose marked content is open on the current page, if any. */
  private open: Element | null = null
  /** Per page, the element each MCID belongs to (the parent tree). */
  private readonly byPage = new Map<number, Element[]>()
  private treeRootId = 0

  constructor(doc: JsPdf) {
    this.internal = doc.internal as unknown as JsPdfInternals
    // Marked content, /Lang and /ActualText came with PDF 1.4 and 1.5; jsPDF says 1.3.
    const versioned = doc as unknown as { __private__: { setPdfVersion(version: string): void } }
    versioned.__private__.setPdfVersion('1.7')
    const events = this.internal.events
    events.subscribe('putPage', (page: { pageNumber: number }) => this.internal.write(`/StructParents ${page.pageNumber - 1} /Tabs /S`))
    events.subscribe('putAdditionalObjects', () => this.writeTree())
    events.subscribe('putCatalog', () => this.internal.write(`/StructTreeRoot ${this.treeRootId} 0 R`, '/MarkInfo <</Marked true>>'))
  }

  /** Content grouped under one element (a table, a row, a list, an item). */
  group(type: StructType, draw: () => void, extra = ''): void {
    const element = this.element(type, extra)
    const outer = this.current
    this.current = element
    try {
      draw()
    } finally {
      this.current = outer
    }
  }

  /** What `draw` writes is one element's content (a heading, a paragraph, a cell, a picture). */
  content(type: StructType, draw: () => void, extra = ''): void {
    if (this.open) throw new Error('PDF tags: content inside content')
    const element = this.element(type, extra)
    this.begin(element)
    try {
      draw()
    } finally {
      this.end()
    }
  }

  /** Decoration a reader skips: rules and frames. */
  artifact(draw: () => void): void {
    this.internal.write('/Artifact BMC')
    draw()
    this.internal.write('EMC')
  }

  /**
   * A page break, possibly in the middle of a paragraph: its marked content
   * ends on this page and goes on, as the same element, on the next.
   */
  pageBreak(addPage: () => void): void {
    const open = this.open
    if (open) this.end()
    addPage()
    if (open) this.begin(open)
  }

  private element(type: StructType, extra: string): Element {
    const element: Element = { type, parent: this.current, kids: [], extra, id: 0 }
    this.current.kids.push(element)
    return element
  }

  private begin(element: Element): void {
    const page = this.internal.getCurrentPageInfo().pageNumber
    const marked = this.byPage.get(page) ?? []
    this.byPage.set(page, marked)
    const mcid = marked.length
    marked.push(element)
    element.kids.push({ page, mcid })
    this.internal.write(`/${element.type} <</MCID ${mcid}>> BDC`)
    this.open = element
  }

  private end(): void {
    this.internal.write('EMC')
    this.open = null
  }

  /** Runs while jsPDF writes its objects, after the pages (so their object numbers are known). */
  private writeTree(): void {
    const { internal } = this
    const pageRef = (page: number): string => `${internal.getPageInfo(page).objId} 0 R`
    const all: Element[] = []
    const visit = (element: Element): void => {
      element.id = internal.newObjectDeferred()
      all.push(element)
      for (const kid of element.kids) if (isElement(kid)) visit(kid)
    }
    this.treeRootId = internal.newObjectDeferred()
    const parentTreeId = internal.newObjectDeferred()
    visit(this.root)
    const put = (id: number, dict: string): void => {
      internal.newObjectDeferredBegin(id, true)
      internal.write(dict)
      internal.write('endobj')
    }
    put(this.treeRootId, `<</Type /StructTreeRoot /K [${this.root.id} 0 R] /ParentTree ${parentTreeId} 0 R /ParentTreeNextKey ${internal.getNumberOfPages()}>>`)
    const nums: string[] = []
    for (let page = 1; page <= internal.getNumberOfPages(); page++) {
      nums.push(`${page - 1} [${(this.byPage.get(page) ?? []).map((e) => `${e.id} 0 R`).join(' ')}]`)
    }
    put(parentTreeId, `<</Nums [${nums.join(' ')}]>>`)
    for (const element of all) {
      const parent = element.parent ? `${element.parent.id} 0 R` : `${this.treeRootId} 0 R`
      const firstPage = element.kids.find((kid): kid is Marked => !isElement(kid))?.page
      const kids = element.kids.map((kid) => (isElement(kid) ? `${kid.id} 0 R` : kid.page === firstPage ? `${kid.mcid}` : `<</Type /MCR /Pg ${pageRef(kid.page)} /MCID ${kid.mcid}>>`))
      const pg = firstPage === undefined ? '' : ` /Pg ${pageRef(firstPage)}`
      put(element.id, `<</Type /StructElem /S /${element.type} /P ${parent}${pg} /K [${kids.join(' ')}]${element.extra}>>`)
    }
  }
}
