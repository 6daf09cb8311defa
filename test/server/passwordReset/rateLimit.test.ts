/**
 * Rate limits: the sliding-window limiter alone (window, wait, bounded memory), then the
 * service's per-login and per-client limits against the emulator.
 */
import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../../src/server/index.ts'
import { expectCode } from '../../support/expectError.ts'
import { resetSetup, type ServiceOverrides } from './helpers.ts'

/** `'ok'`, or the code the call was rejected with. */
function settled(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'ok',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  )
}

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('createRateLimiter', () => {
  it('allows `limit` hits per sliding window and says how long to wait', () => {
    const time = clock()
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, now: time.now })
    for (let index = 0; index < 3; index += 1) {
      expect(limiter.check('a')).toBe(0)
      limiter.hit('a')
      time.advance(100)
    }
    // Hits at 0, 100 and 200 ms; now 300 ms: the first leaves the window at 1000 ms.
    expect(limiter.check('a')).toBe(700)
    expect(limiter.check('b')).toBe(0) // keys count apart
    time.advance(699)
    expect(limiter.check('a')).toBe(1)
    time.advance(1)
    expect(limiter.check('a')).toBe(0)
    limiter.hit('a')
    expect(limiter.check('a')).toBe(100) // the hit at 100 ms is next to leave
  })

  it('check charges nothing', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: clock().now })
    for (let index = 0; index < 5; index += 1) expect(limiter.check('a')).toBe(0)
    limiter.hit('a')
    expect(limiter.check('a')).toBeGreaterThan(0)
  })

  it('prunes keys whose window passed', () => {
    const time = clock()
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: time.now })
    for (let index = 0; index < 50; index += 1) limiter.hit(`key-${index}`)
    expect(limiter.size()).toBe(50)
    time.advance(1000)
    limiter.hit('fresh')
    expect(limiter.size()).toBe(1)
    limiter.clear()
    expect(limiter.size()).toBe(0)
  })

  it('keeps at most maxKeys keys, forgetting the idlest first', () => {
    const time = clock()
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100, now: time.now })
    limiter.hit('first')
    for (let index = 0; index < 10_000; index += 1) {
      time.advance(1)
      limiter.hit(`key-${index}`)
      expect(limiter.size()).toBeLessThanOrEqual(100)
    }
    expect(limiter.check('first')).toBe(0) // forgotten
    expect(limiter.check('key-9999')).toBeGreaterThan(0) // the newest is still counted
  })

  it('a key holds at most `limit` hit times', () => {
    const time = clock()
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: time.now })
    for (let index = 0; index < 1000; index += 1) {
      limiter.hit('a')
      time.advance(1)
    }
    // Only the last two hits (at 998 and 999 ms from the start) matter.
    expect(limiter.check('a')).toBe(60_000 - 2)
  })
})

describe('the service rate limits', () => {
  it('per login: the sixth request within 15 minutes is rate_limited, nothing sent', async () => {
    const { emulator, service, shopper, count } = resetSetup()
    const ada = shopper()
    for (let index = 0; index < 5; index += 1) await service.requestToken(ada.login)
    const sent = count('getResetPasswordToken')
    const error = await expectCode(service.requestToken(ada.login.toUpperCase()), 'rate_limited')
    expect(error.retryAfterMs).toBeGreaterThan(14 * 60_000)
    expect(error.retryAfterMs).toBeLessThanOrEqual(15 * 60_000)
    expect(count('getResetPasswordToken')).toBe(sent)
    await service.requestToken(shopper(1).login) // another login is not limited
    emulator.control.advanceTime(15 * 60_000)
    await service.requestToken(ada.login)
  })

  it('per login counts unknown logins too, in neutral mode alike', async () => {
    const { service } = resetSetup({ unknownLogin: 'neutral' })
    for (let index = 0; index < 5; index += 1) await service.requestToken('nobody@example.com')
    await expectCode(service.requestToken('nobody@example.com'), 'rate_limited')
  })

  it('per client: 20 per 15 minutes across logins', async () => {
    const { service, count } = resetSetup({ unknownLogin: 'neutral' })
    const client = '203.0.113.7'
    for (let index = 0; index < 20; index += 1) {
      await service.requestToken(`shopper-${index}@example.com`, { client })
    }
    await expectCode(service.requestToken('one-more@example.com', { client }), 'rate_limited')
    expect(count('getResetPasswordToken')).toBe(20)
    // Another client, and a call without a client key, still pass.
    await service.requestToken('one-more@example.com', { client: '198.51.100.1' })
    await service.requestToken('another@example.com')
  })

  it('a refused call charges neither limit', async () => {
    const { service } = resetSetup({
      unknownLogin: 'neutral',
      rateLimit: {
        perLogin: { limit: 1, windowMs: 60_000 },
        perClient: { limit: 2, windowMs: 60_000 },
      },
    })
    await service.requestToken('a@example.com', { client: 'c' })
    await expectCode(service.requestToken('a@example.com', { client: 'c' }), 'rate_limited')
    // The refused call did not use the client's second slot.
    await service.requestToken('b@example.com', { client: 'c' })
  })

  it('reset attempts are limited per login apart from requests', async () => {
    const { service, shopper, lastToken } = resetSetup({
      rateLimit: { perLogin: { limit: 2, windowMs: 60_000 }, perClient: false },
    })
    const ada = shopper()
    await service.requestToken(ada.login)
    await service.requestToken(ada.login)
    const wrong = { login: ada.login, token: 'x'.repeat(32), newPassword: 'New-Password-2024!' }
    await expectCode(service.resetPassword(wrong), 'invalid_reset_token')
    await expectCode(service.resetPassword(wrong), 'invalid_reset_token')
    // Guessing tokens stops here, even with the right one.
    await expectCode(service.resetPassword({ ...wrong, token: lastToken() }), 'rate_limited')
  })

  it('rateLimit: false turns both limits off', async () => {
    // One login from one client, 25 times: past the per-login limit (5) and the per-client one
    // (20), so the flood is refused if either limit stays on.
    const flood = async (rateLimit?: ServiceOverrides['rateLimit']) => {
      const { service, shopper, count, deliveries } = resetSetup({ rateLimit })
      const { login } = shopper()
      const outcomes: string[] = []
      for (let index = 0; index < 25; index += 1) {
        outcomes.push(await settled(service.requestToken(login, { client: 'c' })))
      }
      const refusedAt = outcomes.indexOf('rate_limited')
      return { refusedAt, sent: count('getResetPasswordToken'), delivered: deliveries.length }
    }
    // The controls: each limit alone refuses the flood (the per-login one at the 6th call, the
    // per-client one at the 21st).
    expect((await flood()).refusedAt).toBe(5)
    expect((await flood({ perClient: false })).refusedAt).toBe(5)
    expect((await flood({ perLogin: false })).refusedAt).toBe(20)
    expect(await flood(false)).toEqual({ refusedAt: -1, sent: 25, delivered: 25 })
  })

  it('rateLimit: false lets reset attempts past the per-login limit', async () => {
    const attempts = async (rateLimit?: ServiceOverrides['rateLimit']) => {
      const { service, shopper, lastToken } = resetSetup({ rateLimit })
      const { login } = shopper()
      await service.requestToken(login)
      const wrong = { login, token: 'x'.repeat(32), newPassword: 'New-Password-2024!' }
      const outcomes: string[] = []
      for (let index = 0; index < 6; index += 1) {
        outcomes.push(await settled(service.resetPassword(wrong)))
      }
      outcomes.push(await settled(service.resetPassword({ ...wrong, token: lastToken() })))
      return outcomes
    }
    // The control: the default limit (5 per login) refuses the 6th attempt and the right token.
    expect(await attempts()).toEqual([
      ...Array<string>(5).fill('invalid_reset_token'),
      'rate_limited',
      'rate_limited',
    ])
    expect(await attempts(false)).toEqual([...Array<string>(6).fill('invalid_reset_token'), 'ok'])
  })

  it('memory stays bounded with maxKeys', async () => {
    const { service } = resetSetup({
      unknownLogin: 'neutral',
      rateLimit: { perLogin: { limit: 1, windowMs: 60_000 }, perClient: false, maxKeys: 10 },
    })
    await service.requestToken('first@example.com')
    await expectCode(service.requestToken('first@example.com'), 'rate_limited')
    for (let index = 0; index < 10; index += 1) {
      await service.requestToken(`flood-${index}@example.com`)
    }
    // The idlest key made room: bounded memory, at the price of a forgotten count.
    await service.requestToken('first@example.com')
  })
})
