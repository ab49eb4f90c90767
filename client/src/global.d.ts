import type { Editor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

/** Hooks for the browser end-to-end tests (tests/), set on the board page once the editor is mounted. */
export interface WerkraumTestHooks {
  readonly editor: Editor
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly awareness: Awareness
}

declare global {
  interface Window {
    __werkraum?: WerkraumTestHooks
  }
}
