/**
 * Building the catalogue files in the browser (issue #6): the data comes from
 * the server, each board's picture from tldraw here, one board after another,
 * reporting progress as it goes.
 */
import { catalogueHtml, catalogueMarkdown } from '@werkraum/shared'
import type { Catalogue } from '@werkraum/shared/schemas'
import { strToU8, zipSync } from 'fflate'
import type { BoardPicture, PictureFormat } from './boardPictures.tsx'

export type DrawBoard = (boardId: string, format: PictureFormat) => Promise<BoardPicture>

/**
 * Every board of the catalogue that has something on it drawn, in the order
 * of its sections (an empty board gets a line, not a picture); `onProgress(done, total)` after each.
 */
export async function drawAllBoards(catalogue: Catalogue, draw: DrawBoard, format: PictureFormat, onProgress: (done: number, total: number) => void): Promise<Map<string, BoardPicture>> {
  const pictures = new Map<string, BoardPicture>()
  const drawn = catalogue.sections.filter((s) => !s.empty)
  const total = drawn.length
  onProgress(0, total)
  for (const [i, section] of drawn.entries()) {
    pictures.set(section.boardId, await draw(section.boardId, format))
    onProgress(i + 1, total)
  }
  return pictures
}

/** Only the SVG markup of pictures drawn as SVG. */
export function svgsOf(pictures: ReadonlyMap<string, BoardPicture>): Map<string, string> {
  return new Map([...pictures].flatMap(([id, p]) => (p.svg !== undefined ? [[id, p.svg] as [string, string]] : [])))
}

/** An SVG as a `data:` URL (base64 of its UTF-8), for the HTML file's `<img>`. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return `data:image/svg+xml;base64,${btoa(binary)}`
}

export function htmlFile(catalogue: Catalogue, pictures: ReadonlyMap<string, string>): Blob {
  const urls = new Map([...pictures].map(([id, svg]) => [id, svgDataUrl(svg)]))
  return new Blob([catalogueHtml(catalogue, urls)], { type: 'text/html;charset=utf-8' })
}

/** The Markdown catalogue with one SVG per board under `boards/`, in one ZIP. */
export function markdownZip(catalogue: Catalogue, pictures: ReadonlyMap<string, string>, baseName: string): Blob {
  const files: Record<string, Uint8Array> = { [`${baseName}/catalogue.md`]: strToU8(catalogueMarkdown(catalogue, { pictures: true })) }
  for (const [boardId, svg] of pictures) files[`${baseName}/boards/${boardId}.svg`] = strToU8(svg)
  const zipped = zipSync(files, { level: 6 })
  return new Blob([zipped], { type: 'application/zip' })
}
