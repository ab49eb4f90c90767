/** The server setups the randomized convergence test runs every seed against. */
export interface Profile {
  /** Server settings, as an operator would set them. */
  readonly env: Record<string, string>
  readonly clients: number
  readonly steps: number
  readonly maxRestarts: number
  /** Whether the run empties the room now and then, so that the server unloads the document mid-run. */
  readonly unloads: boolean
  /**
   * `in-process`: restarts are graceful (`close()` writes everything).
   * `child`: the server is a child process and every restart is a kill -9, so
   * the next server starts from the last snapshot plus the update log.
   */
  readonly server: 'in-process' | 'child'
  /** In process only: put SQLite behind random latency of up to this many ms per call and direction. */
  readonly storageLatencyMs?: number
}

export const PROFILES = {
  /** Server defaults: documents stay loaded, the log is compacted only on shutdown. */
  steady: { env: {}, clients: 5, steps: 300, maxRestarts: 2, unloads: false, server: 'in-process' },
  /**
   * Everything the server does to a document happens during the run: short
   * commit windows make many log rows and a log of 5 rows is compacted, so
   * compaction often runs between appends; an empty room is unloaded after
   * 50 ms and loaded again when someone returns.
   */
  churn: {
    env: { DOC_UNLOAD_MS: '50', COMPACT_AFTER_UPDATES: '5', COMMIT_WINDOW_MS: '2' },
    clients: 5,
    steps: 300,
    maxRestarts: 2,
    unloads: true,
    server: 'in-process',
  },
  /**
   * Storage that answers slowly (up to 15 ms each way, like a database across a
   * network): connections arrive while the document is still loading, rooms
   * empty and unload while loading, newcomers arrive while the last copy is
   * still being written.
   */
  latency: {
    env: { DOC_UNLOAD_MS: '20', COMPACT_AFTER_UPDATES: '5', COMMIT_WINDOW_MS: '2' },
    clients: 5,
    steps: 300,
    maxRestarts: 2,
    unloads: true,
    server: 'in-process',
    storageLatencyMs: 15,
  },
  /** Crashes: kill -9 at random moments; what was committed must come back from snapshot and log. */
  crash: {
    env: { DOC_UNLOAD_MS: '50', COMPACT_AFTER_UPDATES: '10', COMMIT_WINDOW_MS: '5' },
    clients: 4,
    steps: 200,
    maxRestarts: 2,
    unloads: true,
    server: 'child',
  },
} satisfies Record<string, Profile>
export type ProfileName = keyof typeof PROFILES
