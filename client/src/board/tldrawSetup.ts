import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

// Fonts, icons and tldraw's translations are bundled by Vite and served from
// our own origin; without this tldraw fetches them from its CDN.
export const assetUrls = getAssetUrlsByImport()

/**
 * An operator who owns a tldraw licence key can set it at build time. Without
 * one, tldraw 3.15 runs with its "Made with tldraw" mark, which must stay visible.
 */
export const licenseKey: string | undefined = import.meta.env.VITE_TLDRAW_LICENSE_KEY || undefined
