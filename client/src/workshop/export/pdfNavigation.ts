/**
 * What a PDF reader offers besides the page (issue 14): bookmarks to find
 * one's way through the catalogue, and XMP metadata with the title in full.
 */
import type { jsPDF as JsPdf } from 'jspdf'
import { pdfTextString } from './pdfTags.ts'

/**
 * Bookmarks (the PDF's outline) for the catalogue's main headings, so a
 * reader can jump from the side panel; they open with the document. Titles
 * are written as Unicode text strings: jsPDF's own would be read in
 * PDFDocEncoding, which garbles „ “ and –.
 */
export class PdfBookmarks {
  private readonly outline: JsPdf['outline']
  private parents: Array<ReturnType<JsPdf['outline']['add']> | null> = []

  constructor(private readonly doc: JsPdf) {
    this.outline = doc.outline
    const strings = this.outline as unknown as { makeString(text: string): string }
    strings.makeString = pdfTextString
    doc.setDisplayMode('fullwidth', 'continuous', 'UseOutlines')
  }

  /** A bookmark at `depth` (0 for the top) to the current page, under the last one a level up. */
  add(depth: number, title: string): void {
    const parent = depth > 0 ? (this.parents[depth - 1] ?? null) : null
    const item = this.outline.add(parent, title, { pageNumber: this.doc.getCurrentPageInfo().pageNumber })
    this.parents = [...this.parents.slice(0, depth), item]
  }
}

function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/**
 * XMP metadata: the title in full Unicode (the Info dictionary's, which a
 * reader shows with DisplayDocTitle, holds only what Helvetica's encoding
 * has) and the document's language.
 */
export function addXmpMetadata(doc: JsPdf, title: string, lang: string): void {
  const xmp = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:language><rdf:Bag><rdf:li>${xmlText(lang)}</rdf:li></rdf:Bag></dc:language>`,
    '<dc:format>application/pdf</dc:format>',
    '<xmp:CreatorTool>Werkraum</xmp:CreatorTool>',
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n')
  doc.addMetadata(xmp, true)
}
