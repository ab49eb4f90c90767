/**
 * tldraw's asset store for workshop boards: a pasted or dropped image is
 * uploaded to Werkraum, and the board document keeps only its address. The
 * token is added when the image is shown (an `<img>` cannot send headers) and
 * never written into the document.
 */
import type { TLAssetStore } from 'tldraw'
import { uploadImage } from './api.ts'

export function workshopAssetStore(workshopId: string, token: string): TLAssetStore {
  const ownPrefix = `/api/workshops/${workshopId}/images/`
  return {
    async upload(_asset, file, abortSignal) {
      return { src: await uploadImage(workshopId, token, file, abortSignal) }
    },
    resolve(asset) {
      const src = asset.props.src
      if (typeof src !== 'string' || src === '') return null
      if (src.startsWith(ownPrefix)) return `${src}?token=${encodeURIComponent(token)}`
      // Images pasted before uploads existed live inside the document. Anything
      // else would be a request to another origin, which Werkraum never makes.
      return src.startsWith('data:image/') ? src : null
    },
  }
}
