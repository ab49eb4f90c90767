import { describe, expect, it } from 'vitest'
import { RateLimiter, addressKey } from './rateLimit.ts'

describe('addressKey', () => {
  it('keeps IPv4, unwraps IPv6-mapped IPv4, and groups IPv6 by /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
  })
})

describe('RateLimiter', () => {
  it('allows the limit per window, refuses beyond it, and can take an attempt back', () => {
    const limiter = new RateLimiter(2, 60_000)
    expect(limiter.hit('a', 0)).toBe(true)
    expect(limiter.hit('a', 1)).toBe(true)
    expect(limiter.hit('a', 2)).toBe(false)
    limiter.undo('a')
    limiter.undo('a')
    expect(limiter.hit('a', 3)).toBe(true)
    expect(limiter.hit('a', 60_001)).toBe(true)
    expect(limiter.hit('b', 4)).toBe(true)
  })

  it('remembers a bounded number of addresses', () => {
    const limiter = new RateLimiter(1, 60_000)
    for (let i = 0; i < 30_000; i++) limiter.hit(`k${i}`, 0)
    expect((limiter as unknown as { counts: Map<string, unknown> }).counts.size).toBeLessThanOrEqual(10_000)
  })
})
