// What the browser tests read from the client's test hook (see client/src for the real type).
interface WerkraumTestHook {
  editor: {
    getCurrentPageShapes(): Array<{ type: string; props: unknown }>
    getInstanceState(): { isReadonly: boolean }
  }
}

interface Window {
  __werkraum?: WerkraumTestHook
}
