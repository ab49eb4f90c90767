import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

// The dev server forwards everything the Werkraum server answers, so `vite`
// (hot reload) and the built client talk to the server over the same paths.
const serverTarget = `http://127.0.0.1:${process.env.WERKRAUM_SERVER_PORT ?? 8787}`

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Emit every asset as its own file. Inlined data: URLs would work under the
    // server's CSP too, but separate files keep fonts and icons cacheable and the
    // bundle small; tldraw's icons and fonts are many small files.
    assetsInlineLimit: 0,
    // tldraw alone is ~2 MB minified; splitting it changes nothing for the person waiting.
    chunkSizeWarningLimit: 4096,
  },
  // @tldraw/assets imports files with `?url`; pre-bundling it breaks those URLs in dev.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '/sync': { target: serverTarget, ws: true },
      '/healthz': serverTarget,
      '/metrics': serverTarget,
      '/api': serverTarget,
    },
  },
  preview: {
    proxy: {
      '/sync': { target: serverTarget, ws: true },
      '/healthz': serverTarget,
      '/api': serverTarget,
    },
  },
})
