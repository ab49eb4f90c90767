/**
 * Pictures of whole boards for the catalogue and for download (issue #6),
 * drawn by tldraw itself. A board is fetched once from the server into a
 * document of its own that is disconnected before anything reads it, so an
 * export never writes to a board and never shows its maker as present there.
 * tldraw then draws it in an editor outside the visible page.
 */
import { CONCEPT_CARD_TYPE, isMadeShape, workshopBoardDocName } from '@werkraum/shared'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { Tldraw, createTLStore, defaultBindingUtils, type Editor, type TLStore } from 'tldraw'
import * as Y from 'yjs'
import { boardShapeUtils, customShapeUtils } from '../../board/shapeUtils.ts'
import { EXPORT_META_KEY } from '../../board/ConceptCardShape.tsx'
import { assetUrls, licenseKey } from '../../board/tldrawSetup.ts'
import { syncServerUrl } from '../../sync/boardSession.ts'
import { bindStoreToDoc } from '../../sync/storeBinding.ts'
import { WerkraumProvider } from '../../sync/werkraumProvider.ts'
import { workshopAssetStore } from '../assetStore.ts'

/** A board that does not answer within this long is reported as failed, not waited for forever. */
const BOARD_LOAD_TIMEOUT_MS = 20_000
/** Drawing one board (thousands of shapes, embedded images) takes seconds; this long means it failed. */
const BOARD_DRAW_TIMEOUT_MS = 120_000

/** `jpeg` for the PDF: embedded as it is, where a PNG would be decoded and re-encoded in JavaScript. */
export type PictureFormat = 'svg' | 'png' | 'jpeg'

/** Longest side of a PNG picture, in pixels. */
const MAX_PNG_PIXELS = 3000

export interface BoardPicture {
  /** SVG markup, or the image of a PNG or JPEG. */
  readonly svg?: string
  readonly image?: Blob
  readonly width: number
  readonly height: number
}

/** The board's records as the server has them, in a store of their own. */
async function loadBoardStore(workshopId: string, token: string, boardId: string, assets: ReturnType<typeof workshopAssetStore>): Promise<TLStore> {
  const doc = new Y.Doc()
  const provider = new WerkraumProvider(syncServerUrl(window.location), workshopBoardDocName(workshopId, boardId), doc, { params: { token } })
  // No presence: nobody should see the exporter "on" every board for a moment.
  provider.awareness.setLocalState(null)
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`board ${boardId} did not load`)), BOARD_LOAD_TIMEOUT_MS)
      const done = (synced: boolean): void => {
        if (!synced) return
        clearTimeout(timer)
        provider.off('sync', done)
        resolve()
      }
      provider.on('sync', done)
    })
  } finally {
    // Disconnected before the records are read: reading tidies the document, and that must stay here.
    provider.destroy()
  }
  const store = createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils, assets })
  const outcome = bindStoreToDoc(store, doc)
  if (outcome.kind !== 'bound') throw new Error(`board ${boardId} could not be read (${outcome.kind})`)
  outcome.binding.dispose()
  doc.destroy()
  return store
}

/** Two frames: React has rendered the flag's change and the cards have measured themselves. */
function afterLayout(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
}

async function draw(editor: Editor, format: PictureFormat): Promise<BoardPicture> {
  const ids = [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return format === 'svg' ? { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', width: 1, height: 1 } : { image: new Blob(), width: 0, height: 0 }
  if (format === 'svg') return editor.getSvgString(ids, { background: true, padding: 32 }).then((r) => r ?? Promise.reject(new Error('nothing to draw')))
  // Sharp on a screen and in print, without a huge board making a giant file: at most MAX_PNG_PIXELS on its long side.
  const bounds = editor.getCurrentPageBounds()
  const scale = bounds ? Math.min(2, MAX_PNG_PIXELS / Math.max(bounds.w + 64, bounds.h + 64)) : 1
  const image = await editor.toImage(ids, { format, background: true, padding: 32, scale, quality: 0.9 })
  return { image: image.blob, width: image.width, height: image.height }
}

interface Job {
  readonly store: TLStore
  readonly format: PictureFormat
  readonly resolve: (picture: BoardPicture) => void
  readonly reject: (error: unknown) => void
}

/**
 * `element` must be rendered somewhere on the page (it is invisible);
 * `picture` then draws one board at a time.
 */
export function useBoardPictures(workshopId: string, token: string): { element: ReactNode; picture: (boardId: string, format: PictureFormat) => Promise<BoardPicture> } {
  const [job, setJob] = useState<Job>()
  const queue = useRef(Promise.resolve())
  const pending = useRef<Job | undefined>(undefined)
  // Leaving the console mid-export ends the drawing in progress instead of leaving it waiting.
  useEffect(() => () => pending.current?.reject(new Error('the export was closed')), [])

  const picture = useCallback(
    (boardId: string, format: PictureFormat): Promise<BoardPicture> => {
      const run = queue.current.then(async () => {
        const assets = workshopAssetStore(workshopId, token)
        let store: TLStore | undefined
        let timer: ReturnType<typeof setTimeout> | undefined
        try {
          store = await loadBoardStore(workshopId, token, boardId, assets)
          const loaded = store
          return await new Promise<BoardPicture>((resolve, reject) => {
            // tldraw failing to draw (its error boundary) must not leave the export, and every later one, waiting.
            timer = setTimeout(() => reject(new Error(`board ${boardId} was not drawn`)), BOARD_DRAW_TIMEOUT_MS)
            const next: Job = { store: loaded, format, resolve, reject }
            pending.current = next
            setJob(next)
          })
        } finally {
          clearTimeout(timer)
          pending.current = undefined
          setJob(undefined)
          store?.dispose()
          assets.dispose()
        }
      })
      queue.current = run.then(
        () => undefined,
        () => undefined,
      )
      return run
    },
    [workshopId, token],
  )

  const onMount = useCallback(
    (editor: Editor) => {
      if (!job) return
      // What nobody made (an untouched card, an empty note) is left out of the picture as out of the catalogue. This store is the export's own copy: nothing goes back to the board.
      const unmade = editor
        .getCurrentPageShapes()
        .filter((s) => (s.type === CONCEPT_CARD_TYPE || s.type === 'note') && !isMadeShape(s))
        .map((s) => s.id)
      if (unmade.length > 0) editor.run(() => editor.deleteShapes(unmade), { history: 'ignore' })
      // Cards fit their text first (their stored height may be one nobody measured), then tldraw draws.
      editor.updateInstanceState({ meta: { [EXPORT_META_KEY]: true } })
      // tldraw renders only what is in view: all of it, so every card gets measured.
      editor.zoomToFit({ animation: { duration: 0 } })
      afterLayout()
        .then(() => draw(editor, job.format))
        .then(job.resolve, job.reject)
    },
    [job],
  )

  const element = job ? (
    // Drawn where nobody sees it and screen readers skip it; tldraw needs a sized box to lay out in.
    <div className="board-picture-stage" aria-hidden="true" inert>
      <Tldraw store={job.store} shapeUtils={customShapeUtils} assetUrls={assetUrls} licenseKey={licenseKey} hideUi autoFocus={false} onMount={onMount} />
    </div>
  ) : null
  return { element, picture }
}
