// What the browser tests read from the client's test hook (see client/src for the real type).
interface WerkraumTestHook {
  editor: {
    getCurrentPageShapes(): Array<{ type: string; x: number; y: number; props: unknown; meta: Record<string, unknown> }>
    getInstanceState(): { isReadonly: boolean }
    getAssets(): Array<{ props: { src?: unknown } }>
    getViewportPageBounds(): { center: { x: number; y: number } }
    setCamera(camera: { x: number; y: number; z: number }): void
    putExternalContent(content: { type: 'files'; files: File[]; point: { x: number; y: number } }): Promise<void>
  }
}

interface Window {
  __werkraum?: WerkraumTestHook
}
