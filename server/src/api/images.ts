/**
 * Images pasted or dropped onto a board (issue #3): stored by Werkraum, not
 * written into the board document. Checked by their content, not by what the
 * uploader claims; served only to members of the workshop.
 */

import { WorkshopLimits } from '@werkraum/shared'

/** Largest image accepted (the client checks the same limit before uploading). */
export const MAX_IMAGE_BYTES = WorkshopLimits.MAX_IMAGE_BYTES
/** What one workshop may store in images, so that a join code read aloud cannot fill the disk. */
export const MAX_IMAGES_PER_WORKSHOP = 500
export const MAX_IMAGE_BYTES_PER_WORKSHOP = 200 * 1024 * 1024

/** The image type the bytes really are, or undefined for anything that is not an image we accept. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const starts = (...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif'
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp'
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).trimStart().toLowerCase()
  if ((head.startsWith('<svg') || head.startsWith('<?xml')) && head.includes('<svg')) return 'image/svg+xml'
  return undefined
}

/**
 * Headers for serving a stored image. An SVG can carry script; served with a
 * sandboxing Content-Security-Policy it cannot run any, even when opened
 * directly, and `nosniff` keeps browsers from treating anything as HTML.
 */
export function imageHeaders(mime: string, length: number): Record<string, string | number> {
  return {
    'Content-Type': mime,
    'Content-Length': length,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    // Not kept by the browser: someone removed, or a deleted workshop, leaves no copy behind.
    // (Werkraum's client holds each image once per open board, as a blob.)
    'Cache-Control': 'private, no-store',
    'Content-Disposition': 'inline',
  }
}
