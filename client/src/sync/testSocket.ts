/** A stand-in WebSocket for provider and session tests in Node. */

/** Just enough of a WebSocket for the provider: records what it sends, lets the test deliver messages. */
export class FakeSocket {
  static last: FakeSocket | undefined
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  binaryType = 'blob'
  bufferedAmount = 0
  sent: Uint8Array[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.last = this
  }
  send(data: Uint8Array): void {
    this.sent.push(new Uint8Array(data))
  }
  close(): void {
    this.readyState = 3
  }
  open(): void {
    this.readyState = 1
    this.onopen?.()
  }
  deliver(message: Uint8Array): void {
    this.onmessage?.({ data: message.slice().buffer })
  }
}

export const polyfill = FakeSocket as unknown as typeof WebSocket
