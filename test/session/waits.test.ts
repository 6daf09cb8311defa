/**
 * Every wait is bounded: requests have a deadline, `ready()` and `getAccessToken()` give up after
 * `waitTimeoutMs` with the failure that kept them waiting while the session keeps retrying, the
 * caller's signal ends a wait, and broken storage or a broken clock is a coded error, never a
 * hang.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createInProcessCoordination } from '../../adapters/coordination/inProcess.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import {
  createShopperSession,
  type ShopperSession,
  type ShopperSessionConfig,
} from '../../src/session.ts'
import { expectCode } from '../support/expectError.ts'
import { publicSlasConfig } from '../support/slasConfig.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { createSessionHarness, type SessionHarness } from './harness.ts'

const SECOND = 1_000

let harness: (SessionHarness & { stopAll(): void }) | undefined
const sessions: ShopperSession[] = []
afterEach(() => {
  harness?.stopAll()
  for (const session of sessions.splice(0)) session.stop()
  vi.useRealTimers()
})

/** A fetch like Node's when nothing listens on the port: it rejects at once. */
const refused: typeof fetch = async () => {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
    code: 'ECONNREFUSED',
  })
  throw new TypeError('fetch failed', { cause })
}

/** A fetch that never answers, but ends when its signal aborts (as a real one does). */
const stalled: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true })
  })

/**
 * A session on the emulator's private client with `overrides`, stopped after the test. A private
 * client starts its guests with client_credentials: no PKCE, so no WebCrypto work that fake
 * timers could not wait for.
 */
function session(overrides: Partial<ShopperSessionConfig>): ShopperSession {
  const emulator = createTestEmulator()
  const clientSecret = emulator.settings.clients.private.secret ?? ''
  const created = createShopperSession({
    ...publicSlasConfig(emulator),
    clientId: emulator.settings.clients.private.clientId,
    clientSecret,
    ...overrides,
  })
  sessions.push(created)
  return created
}

describe('ready() with the API unreachable', () => {
  it('rejects after 15 s with the network failure, reports each failure, and keeps retrying', async () => {
    vi.useFakeTimers()
    const warnings: string[] = []
    // Jitter at its middle: retries 0.75 s, 1.5 s, 3 s, 6 s, 12 s apart.
    const started = session({
      fetch: refused,
      random: () => 0.5,
      logger: { warn: (line) => warnings.push(line) },
    })
    const failures: string[] = []
    started.on('session.startFailed', (event) => failures.push(event.error.code))
    const ready = expectCode(started.ready(), 'network')

    await vi.advanceTimersByTimeAsync(15 * SECOND)
    const error = await ready
    expect(error.message).toContain('ECONNREFUSED')
    expect(error.cause).toEqual({ code: 'ECONNREFUSED' })
    // The first try and four retries have failed by then, each one told.
    expect(failures).toEqual(['network', 'network', 'network', 'network', 'network'])
    expect(warnings.filter((line) => line.includes('session.startFailed'))).toHaveLength(5)
    // The session keeps trying after the caller gave up.
    await vi.advanceTimersByTimeAsync(10 * SECOND)
    expect(failures).toHaveLength(6)
  })

  it('waitTimeoutMs sets the bound', async () => {
    vi.useFakeTimers()
    const started = session({ fetch: refused, waitTimeoutMs: 3 * SECOND })
    const ready = expectCode(started.ready(), 'network')
    await vi.advanceTimersByTimeAsync(3 * SECOND)
    await ready
  })
})

describe('a stalled SLAS answer', () => {
  it('times out after 10 s by default: the caller hears timeout and the lock is free again', async () => {
    harness = createSessionHarness()
    const { emulator } = harness
    let stall = false
    const tab = harness.session({
      fetch: async (input, init) => {
        const request = new Request(input, init)
        if (stall && request.url.endsWith('/oauth2/token')) return stalled(input, init)
        return emulator.fetch(input, init)
      },
    })
    await tab.ready()
    vi.useFakeTimers()
    stall = true
    const rejected = tab.getTokens()?.accessToken ?? ''
    const waiting = expectCode(tab.getAccessToken({ rejected }), 'timeout')
    await vi.advanceTimersByTimeAsync(15 * SECOND)
    const error = await waiting
    expect(error.operation).toBe('getAccessToken')
    // The stalled request ended, so the refresh lock is free: the retry goes through.
    stall = false
    const next = tab.getAccessToken({ rejected })
    // The retry still on the wire ends at its deadline; the one after it is answered.
    await vi.advanceTimersByTimeAsync(10 * SECOND)
    await expect(next).resolves.not.toBe(rejected)
  })

  it('timeoutMs sets the deadline of every request', async () => {
    const started = session({ fetch: stalled, timeoutMs: 50, waitTimeoutMs: 500 })
    const error = await expectCode(started.ready(), 'timeout')
    expect(error.message).toContain('timed out')
  })
})

describe("the caller's signal", () => {
  it('ends a wait with aborted; the session goes on', async () => {
    const started = session({ fetch: stalled, timeoutMs: 60_000 })
    const controller = new AbortController()
    const ready = expectCode(started.ready({ signal: controller.signal }), 'aborted')
    controller.abort()
    await ready
    expect(started.getSnapshot().status).toBe('active')
    await expectCode(started.getAccessToken({ signal: AbortSignal.abort() }), 'aborted')
  })

  it('login, register and logout take one too', async () => {
    harness = createSessionHarness()
    const tab = harness.session()
    await tab.ready()
    harness.emulator.control.failNext('authenticateCustomer', { delayMs: 200 })
    const controller = new AbortController()
    const [ada] = harness.emulator.settings.shoppers
    const login = expectCode(
      tab.login(ada?.login ?? '', ada?.password ?? '', { signal: controller.signal }),
      'aborted',
    )
    controller.abort()
    await login
    const customer = { login: 'x@example.com', email: 'x@example.com', lastName: 'X' }
    await expectCode(
      tab.register(customer, 'Pa55-word!', { signal: AbortSignal.abort() }),
      'aborted',
    )
    await expectCode(tab.logout({ signal: AbortSignal.abort() }), 'aborted')
  })
})

describe('broken adapters and clocks are coded errors, never hangs', () => {
  it('a storage adapter that never settles: ready() rejects with timeout', async () => {
    vi.useFakeTimers()
    const never = () => new Promise<never>(() => undefined)
    const storage: StorageAdapter = { get: never, set: never, remove: never }
    const started = session({ storage, coordination: createInProcessCoordination() })
    const ready = expectCode(started.ready(), 'timeout')
    await vi.advanceTimersByTimeAsync(15 * SECOND)
    const error = await ready
    expect(error.message).toContain('storage.get')
  })

  it('a clock that returns NaN: invalid_config at once', async () => {
    const started = session({ now: () => Number.NaN })
    await expectCode(started.ready(), 'invalid_config')
    await expectCode(started.getAccessToken(), 'invalid_config')
    expect(() => started.check()).not.toThrow() // not started: nothing to check
  })
})
