import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/**
 * Content-Security-Policy of every page: nothing may be loaded from, or sent
 * to, another origin. tldraw sets inline styles and draws images from blob: and
 * data: URLs, which stay on the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ')

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
}

const NOT_BUILT = 'Der Werkraum-Client ist noch nicht gebaut: `pnpm build` ausführen.\nThe Werkraum client is not built yet: run `pnpm build`.\n'
const NOT_FOUND = 'Nicht gefunden.\nNot found.\n'

/**
 * Serves the built client. A path that names an existing file gets that file;
 * any other path outside /assets/ is an app route (`/b/<board>`, even with a dot
 * in the name) and gets index.html. Hashed files under /assets/ are cached for
 * a year; index.html never is.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    decoded = '/'
  }
  const relative = path.posix.normalize(decoded)
  const file = path.resolve(root, '.' + relative)
  const inside = file.startsWith(root + path.sep)
  const asFile = inside ? await stat(file).catch(() => undefined) : undefined
  let target = file
  let info = asFile?.isFile() ? asFile : undefined
  if (!info && !relative.startsWith('/assets/')) {
    target = path.join(root, 'index.html')
    info = await stat(target).catch(() => undefined)
  }
  if (!info?.isFile()) {
    const built = await stat(path.join(root, 'index.html')).catch(() => undefined)
    res.statusCode = built ? 404 : 503
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.end(built ? NOT_FOUND : NOT_BUILT)
    return
  }
  res.statusCode = 200
  res.setHeader('Content-Type', TYPES[path.extname(target)] ?? 'application/octet-stream')
  res.setHeader('Content-Length', info.size)
  const hashed = target !== path.join(root, 'index.html') && relative.startsWith('/assets/')
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(target)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
