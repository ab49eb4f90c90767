/**
 * How far this device's clock is from the server's (issue #4: everyone sees
 * the same remaining time, even on a computer whose clock is minutes off).
 *
 * The client asks the server for its time several times (`GET /api/time`).
 * For each sample, the server read its clock somewhere between sending and
 * receiving; assuming the middle, the offset is `serverTime - (sent + received) / 2`,
 * wrong by at most half the round trip. The sample with the shortest round
 * trip bounds the error best, so that is the one we keep.
 */

export interface ClockSample {
  /** Local clock when the request left (ms). */
  readonly sentAt: number
  /** Local clock when the answer arrived (ms). */
  readonly receivedAt: number
  /** The server's clock in its answer (ms). */
  readonly serverTime: number
}

export interface ClockOffset {
  /** Add to the local clock to get server time. */
  readonly offsetMs: number
  /** The estimate is off by at most this much. */
  readonly uncertaintyMs: number
}

/** The best estimate from a set of samples, or undefined without a usable one. */
export function estimateOffset(samples: readonly ClockSample[]): ClockOffset | undefined {
  let best: ClockOffset | undefined
  for (const s of samples) {
    const roundTrip = s.receivedAt - s.sentAt
    if (!Number.isFinite(roundTrip) || roundTrip < 0 || !Number.isFinite(s.serverTime)) continue
    const candidate = { offsetMs: s.serverTime - (s.sentAt + s.receivedAt) / 2, uncertaintyMs: roundTrip / 2 }
    if (best === undefined || candidate.uncertaintyMs < best.uncertaintyMs) best = candidate
  }
  return best
}

/**
 * Asks for the server's time `samples` times, one after another, and
 * estimates the offset. `askServer` resolves to the server's clock reading;
 * `localNow` is this device's clock (injectable for tests of skewed clocks).
 * Failed samples are skipped; undefined if none succeeded.
 */
export async function measureOffset(askServer: () => Promise<number>, localNow: () => number = Date.now, samples = 5): Promise<ClockOffset | undefined> {
  const taken: ClockSample[] = []
  for (let i = 0; i < samples; i++) {
    const sentAt = localNow()
    try {
      const serverTime = await askServer()
      taken.push({ sentAt, receivedAt: localNow(), serverTime })
    } catch {
      // One lost sample is no reason to give up; the others decide.
    }
  }
  return estimateOffset(taken)
}
