/**
 * Refresh behaviour, each against the emulator: fake timers move the session's timers, `Date.now`
 * and so the emulator's clock together.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionEmitted } from '../../src/session.ts'
import { createSessionHarness, seededShopper } from './harness.ts'

const MINUTE = 60_000
let harness: ReturnType<typeof createSessionHarness>

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
})
afterEach(() => {
  harness?.stopAll()
  vi.useRealTimers()
})

const ada = () => seededShopper(harness)

/** Advances fake time, letting real I/O (WebCrypto) settle between steps. */
async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms)
  await eventually(() => undefined)
}

/** Waits (real time, generous for loaded CI machines) until `check` passes. */
function eventually(check: () => void) {
  return vi.waitFor(check, { timeout: 5_000, interval: 5 })
}

/** The refresh token in the shared storage (compared, never printed). */
function storedRefreshToken(): string | undefined {
  const [key] = harness.storage.keys()
  const raw = key === undefined ? undefined : harness.storage.get(key)
  return typeof raw === 'string' ? (JSON.parse(raw) as { refreshToken: string }).refreshToken : undefined
}

function refreshes() {
  return harness.emulator.control
    .requests('getAccessToken')
    .filter((entry) => entry.status !== 0).length
}

function collect(session: ReturnType<typeof harness.session>) {
  const events: SessionEmitted[] = []
  const types = ['session.reauthRequired', 'token.refreshed', 'token.refreshFailed'] as const
  for (const type of types) session.on(type, (event) => events.push(event))
  return events
}

describe('refresh', () => {
  it('proactively at expiry minus the leeway, and an API call right after waits for nothing', async () => {
    harness = createSessionHarness()
    const session = harness.session({ leewayMs: MINUTE })
    await session.login(ada().login, ada().password)
    const start = refreshes()
    await advance(29 * MINUTE - 1_000)
    expect(refreshes()).toBe(start)
    await advance(2_000)
    await eventually(() => expect(refreshes()).toBe(start + 1))
    await eventually(() => expect(session.getSnapshot().hasTag('busy')).toBe(false))
    const requests = harness.emulator.control.requests().length
    await session.getAccessToken()
    expect(harness.emulator.control.requests().length).toBe(requests)
  })

  it.each([
    ['2 hours ahead', 2 * 60 * MINUTE],
    ['2 hours behind', -2 * 60 * MINUTE],
  ])('a client clock %s changes nothing', async (_, skew) => {
    harness = createSessionHarness()
    const session = harness.session({ leewayMs: MINUTE, now: () => Date.now() + skew })
    await session.login(ada().login, ada().password)
    const start = refreshes()
    await advance(29 * MINUTE - 1_000)
    expect(refreshes()).toBe(start)
    expect(session.getSnapshot().hasTag('tokenValid')).toBe(true)
    await advance(2_000)
    await eventually(() => expect(refreshes()).toBe(start + 1))
  })

  it('on demand: 100 concurrent getAccessToken() on an expired token cause exactly 1 refresh', async () => {
    harness = createSessionHarness()
    let offset = 0
    const session = harness.session({ now: () => Date.now() + offset })
    await session.login(ada().login, ada().password)
    const old = session.getTokens()?.accessToken
    const start = refreshes()
    // Time jumps (a laptop wakes) before any timer could fire.
    offset = 31 * MINUTE
    harness.emulator.control.advanceTime(31 * MINUTE)
    const tokens = await Promise.all(Array.from({ length: 100 }, () => session.getAccessToken()))
    expect(refreshes()).toBe(start + 1)
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0] === old).toBe(false)
  })

  it('transient failures back off (honouring Retry-After), go stale after expiry, never downgrade', async () => {
    harness = createSessionHarness()
    const session = harness.session({ leewayMs: MINUTE, random: () => 0.5 })
    const events = collect(session)
    await session.login(ada().login, ada().password)
    const start = refreshes()
    harness.emulator.control.failNext('getAccessToken', { status: 503, count: 2 })
    harness.emulator.control.failNext('getAccessToken', { status: 429, headers: { 'retry-after': '120' } })
    // Each step waits until the session has handled the failure (its backoff timer is set)
    // before moving the fake clock: the request log alone says the server answered.
    const failures = () => events.filter((e) => e.type === 'token.refreshFailed').length
    await advance(29 * MINUTE + 1) // proactive refresh → 503
    await eventually(() => expect(failures()).toBe(1))
    await advance(1_000) // jittered 0.75 s → 503
    await eventually(() => expect(failures()).toBe(2))
    await advance(2_000) // jittered 1.5 s → 429, Retry-After 120 s
    await eventually(() => expect(failures()).toBe(3))
    expect(refreshes()).toBe(start + 3)
    await advance(60_000) // the access token expires meanwhile
    expect(session.getSnapshot().hasTag('stale')).toBe(true)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getSnapshot().hasTag('tokenValid')).toBe(false)
    expect(refreshes()).toBe(start + 3) // still inside Retry-After
    await advance(60_000)
    await eventually(() => expect(session.getSnapshot().hasTag('tokenValid')).toBe(true))
    expect(refreshes()).toBe(start + 4)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(events.filter((e) => e.type === 'token.refreshFailed')).toHaveLength(3)
    expect(events.some((e) => e.type === 'session.reauthRequired')).toBe(false)
  })

  it('a refused refresh token: session.reauthRequired, then a guest session with the same usid', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const events = collect(session)
    await session.login(ada().login, ada().password)
    const usid = session.getTokens()?.usid
    harness.emulator.control.revokeSessions({ login: ada().login })
    await advance(29 * MINUTE + 1)
    await eventually(() => expect(session.getSnapshot().hasTag('reauthRequired')).toBe(true))
    await eventually(() => expect(session.getSnapshot().hasTag('tokenValid')).toBe(true))
    const snapshot = session.getSnapshot()
    expect(snapshot.hasTag('guest')).toBe(true)
    expect(snapshot.hasTag('registered')).toBe(false)
    expect(session.getTokens()?.usid === usid).toBe(true)
    expect(events.find((e) => e.type === 'session.reauthRequired')).toMatchObject({
      error: { code: 'invalid_grant' },
    })
    // Logging in again clears the notice.
    await session.login(ada().login, ada().password)
    expect(session.getSnapshot().hasTag('reauthRequired')).toBe(false)
  })

  it('a rotated token lost in transit ends in an explicit reauthRequired, never a silent logout', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const events = collect(session)
    await session.login(ada().login, ada().password)
    harness.emulator.control.failNext('getAccessToken', { phase: 'after', drop: true })
    await advance(29 * MINUTE + 1) // rotated on the server, answer lost → network error
    await eventually(() => expect(events.map((e) => e.type)).toContain('token.refreshFailed'))
    await advance(2_000) // the retry spends the old token again → invalid_grant
    await eventually(() => expect(session.getSnapshot().hasTag('reauthRequired')).toBe(true))
    expect(events.map((e) => e.type)).toEqual(['token.refreshFailed', 'session.reauthRequired'])
  })

  it('a sent refresh is never aborted: stopping the session keeps its result in storage', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.login(ada().login, ada().password)
    const spent = session.getTokens()?.refreshToken
    harness.emulator.control.failNext('getAccessToken', { delayMs: 5_000 })
    await advance(29 * MINUTE + 1) // the refresh is on the wire (answer delayed 5 s)
    expect(session.getTokens()?.refreshToken === spent).toBe(true)
    session.stop()
    await advance(5_000)
    await eventually(() => expect(storedRefreshToken() === spent).toBe(false))
    const next = harness.session()
    await next.ready()
    expect(next.getTokens()?.refreshToken === spent).toBe(false)
    expect(next.getSnapshot().hasTag('registered')).toBe(true)
    await next.getAccessToken()
  })
})

describe('two sessions on one storage (tabs)', () => {
  it('both timers fire; one refresh request, the other session adopts', async () => {
    harness = createSessionHarness()
    const a = harness.session()
    await a.login(ada().login, ada().password)
    const b = harness.session()
    await b.ready()
    expect(b.getSnapshot().hasTag('registered')).toBe(true)
    const start = refreshes()
    const spent = a.getTokens()?.refreshToken
    await advance(29 * MINUTE + 1)
    await eventually(() => expect(refreshes()).toBe(start + 1))
    const renewed = (s: typeof a) => s.getTokens()?.refreshToken !== spent
    await eventually(() => expect(renewed(a) && renewed(b)).toBe(true))
    expect(a.getTokens()?.refreshToken === b.getTokens()?.refreshToken).toBe(true)
    await advance(10_000)
    expect(refreshes()).toBe(start + 1)
  })

  it('a login in one propagates to the other, and so does a logout', async () => {
    harness = createSessionHarness()
    const a = harness.session()
    const b = harness.session()
    await a.ready()
    await b.ready()
    expect(harness.count('authorizeCustomer')).toBe(1) // one guest session for both
    await a.login(ada().login, ada().password)
    await eventually(() => expect(b.getSnapshot().hasTag('registered')).toBe(true))
    await a.logout()
    await eventually(() => expect(b.getSnapshot().hasTag('guest')).toBe(true))
    await eventually(() => expect(b.getTokens()?.refreshToken === a.getTokens()?.refreshToken).toBe(true))
  })
})
