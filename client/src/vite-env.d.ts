/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional tldraw licence key, set at build time (`VITE_TLDRAW_LICENSE_KEY=… pnpm build`). */
  readonly VITE_TLDRAW_LICENSE_KEY?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
