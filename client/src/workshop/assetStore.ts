/**
 * tldraw's asset store for workshop boards: a pasted or dropped image is
 * uploaded to Werkraum, and the board document keeps only its path. To show
 * an image it is fetched with the token in a header and handed to tldraw as
 * a `blob:` address, so the token never appears in an image address (where
 * "copy image address", the history or a log could pick it up).
 */
import type { TLAssetStore } from 'tldraw'
import { fetchImage, uploadImage } from './api.ts'

export interface WorkshopAssetStore extends TLAssetStore {
  /** Releases the images fetched so far (when the board closes). */
  dispose(): void
}

export function workshopAssetStore(workshopId: string, token: string): WorkshopAssetStore {
  const ownImage = new RegExp(`^/api/workshops/${workshopId}/images/[A-Za-z0-9]{1,40}$`)
  const fetched = new Map<string, Promise<string | null>>()
  const abort = new AbortController()
  return {
    async upload(_asset, file, abortSignal) {
      return { src: await uploadImage(workshopId, token, file, abortSignal) }
    },
    resolve(asset) {
      const src = asset.props.src
      if (typeof src !== 'string' || src === '') return null
      // Images pasted before uploads existed live inside the document.
      if (src.startsWith('data:image/')) return src
      // Anything else would be a request to another origin (or elsewhere), which Werkraum never makes.
      if (!ownImage.test(src)) return null
      let url = fetched.get(src)
      if (url === undefined) {
        url = fetchImage(src, token, abort.signal).then(
          (blob) => URL.createObjectURL(blob),
          (error: unknown) => {
            // Not remembered: the next render tries again (after a reconnect, say).
            fetched.delete(src)
            if (!abort.signal.aborted) console.warn('werkraum: image could not be loaded', error)
            return null
          },
        )
        fetched.set(src, url)
      }
      return url
    },
    dispose() {
      abort.abort()
      for (const url of fetched.values()) void url.then((u) => u !== null && URL.revokeObjectURL(u))
      fetched.clear()
    },
  }
}
