/** Real, unmodified y-websocket clients in Node, as a third-party client would connect. */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitFor } from './wait.ts'

export interface TestClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  destroy(): void
}

/**
 * Connects a stock `WebsocketProvider`. BroadcastChannel is disabled: otherwise
 * providers of the same room in one process sync with each other around the
 * server and a test proves nothing about the server.
 */
export function connectClient(wsUrl: string, docName: string, options: { doc?: Y.Doc; connect?: boolean; params?: Record<string, string> } = {}): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
    params: options.params ?? {},
  })
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function waitSynced(client: TestClient, timeoutMs = 5000): Promise<void> {
  await waitFor(() => client.provider.synced, 'provider synced', timeoutMs)
}

/** Everything a document holds, as plain JSON, for comparing clients with each other and with storage. */
export function snapshotOf(doc: Y.Doc): unknown {
  return {
    text: doc.getText('text').toString(),
    // Y.Map iterates in local insertion order, which differs between clients: sort for comparison.
    map: Object.fromEntries(Object.entries(doc.getMap('map').toJSON()).sort(([a], [b]) => a.localeCompare(b))),
    list: doc.getArray('list').toJSON(),
  }
}
