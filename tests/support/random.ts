/**
 * A small seeded PRNG for randomized tests. Same seed, same sequence of
 * choices: a failing run is reproduced by its seed. (Math.random cannot be
 * seeded, and every choice a randomized test makes must come from here.)
 */

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32 so that nearby seeds diverge at once. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(readonly seed: number) {
    let s = seed >>> 0
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = splitmix()
    this.b = splitmix()
    this.c = splitmix()
    this.d = splitmix()
    for (let i = 0; i < 12; i++) this.uint32()
  }

  /** Uniform in [0, 2^32). */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296
  }

  /** Uniform integer in [0, n); 0 when n <= 0. */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.float() * n)
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)]!
  }

  /** Picks a key with probability proportional to its weight; zero weights are never picked. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0)
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    if (total <= 0) throw new Error('weighted pick with no positive weight')
    let r = this.float() * total
    for (const [key, w] of entries) {
      r -= w
      if (r < 0) return key
    }
    return entries[entries.length - 1]![0]
  }

  /** A short string from `alphabet`, length in [1, maxLength]. */
  string(maxLength: number, alphabet: readonly string[]): string {
    let s = ''
    const n = this.between(1, maxLength)
    for (let i = 0; i < n; i++) s += this.pick(alphabet)
    return s
  }
}

/** A seed from `value` (decimal or 0x hex) if given, otherwise a fresh random one. */
export function seedFrom(value: string | undefined): number {
  if (value !== undefined && value.trim() !== '') {
    const n = Number(value.trim())
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`not a 32-bit seed: ${value}`)
    return n
  }
  return (Math.random() * 0x100000000) >>> 0
}
