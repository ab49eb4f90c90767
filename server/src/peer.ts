/**
 * What a room needs from a connection. Real connections wrap a `ws` WebSocket;
 * tests can pass in-memory pairs. Rooms never see the transport.
 */
export interface PeerSocket {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Drops the connection at once, without a closing handshake (for peers that do not read). */
  terminate(): void
  /** Bytes queued for sending but not yet handed to the network. */
  readonly bufferedAmount: number
}

export type Access = 'read' | 'write'

/** Who is on the other end of a connection to a workshop document, from their token. */
export interface Subject {
  readonly workshopId: string
  readonly participantId: string
}

export class Peer {
  /** Awareness client ids this connection speaks for; their presence is removed when it leaves. */
  readonly clientIds = new Set<number>()
  closed = false
  /** When the server last sent this connection anything (ms since epoch). */
  lastSentMs = 0
  /** When this connection last sent a message or answered a ping (ms since epoch). */
  lastHeardMs = Date.now()
  /** Messages that arrived while the room was still loading. */
  backlog: Uint8Array[] = []
  backlogBytes = 0
  /** Set for connections to workshop documents. */
  subject: Subject | undefined

  constructor(
    readonly socket: PeerSocket,
    /** Re-decided whenever the workshop's state changes (a role, a lock). */
    public access: Access,
    /** For logs only. */
    readonly id: number,
  ) {}
}
