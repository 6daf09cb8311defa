/**
 * Sessions as tabs on the web coordinator (fake Web APIs, fakes.ts) against the in-process
 * emulator, each tab on its own view of localStorage that receives the other tabs' writes 5 ms
 * late (after the lock hand-over and the notice, as Chromium does): a forced expiry costs one
 * refresh whichever path the coordinator takes, also when the emulator revokes the whole token
 * family on reuse. Chromium repeats this with real tabs. Without Web Locks (the degraded mode,
 * no lease) logins and logouts still reach every tab through the notices. A lock another tab
 * never releases ends the wait with a `timeout` naming the lock, and the session carries on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLeaseLock } from '../../../adapters/coordination/leaseLock.ts'
import { createWebCoordination } from '../../../adapters/coordination/web.ts'
import { createLocalStorage } from '../../../adapters/storage/localStorage.ts'
import { isShopperSessionError } from '../../../src/errors.ts'
import type { SessionEmitted, ShopperSession } from '../../../src/session.ts'
import { createSessionHarness } from '../../session/harness.ts'
import { fakeOrigin } from './fakes.ts'

const MINUTE = 60_000
let harness: ReturnType<typeof createSessionHarness> | undefined

afterEach(() => harness?.stopAll())

const paths = [
  ['Web Locks + BroadcastChannel', {}, false],
  ['lease lock (opt-in) + storage events', { withLocks: false, withChannel: false }, true],
] as const

describe.each(paths)('%s', (_, features, lease) => {
  it.each([
    [2, 'reject'],
    [5, 'reject'],
    [5, 'revokeFamily'],
  ] as const)(
    '%i tabs, reuse %s: a forced expiry makes exactly 1 refresh, no tab logged out',
    async (count, reuse) => {
      harness = createSessionHarness({ refreshTokenReuse: reuse })
      const origin = fakeOrigin({ ...features, storageLagMs: 5 })
      let offset = 0
      const events: SessionEmitted['type'][] = []
      const tabs: ShopperSession[] = Array.from({ length: count }, () => {
        const tab = origin.tab()
        const session = (harness as NonNullable<typeof harness>).session({
          storage: createLocalStorage({ storage: tab.storage }),
          coordination: createWebCoordination({
            ...tab.options,
            ...(lease ? { lockFallback: createLeaseLock({ storage: tab.storage }) } : {}),
          }),
          now: () => Date.now() + offset,
        })
        session.on('session.reauthRequired', (event) => events.push(event.type))
        return session
      })
      const [first] = tabs
      const ada = harness.emulator.settings.shoppers[0]
      if (first === undefined || ada === undefined) throw new Error('setup')
      await first.login(ada.login, ada.password)
      await Promise.all(tabs.map((tab) => tab.ready()))
      // A tab may restore before the login's write reached it: the storage event brings it along.
      await vi.waitFor(() =>
        expect(tabs.every((tab) => tab.getSnapshot().hasTag('registered'))).toBe(true),
      )

      offset = 31 * MINUTE
      harness.emulator.control.advanceTime(31 * MINUTE)
      const before = harness.count('getAccessToken')
      const guestsBefore = harness.count('authorizeCustomer')
      for (const tab of tabs) tab.check()
      await vi.waitFor(
        () => {
          for (const tab of tabs) {
            const snapshot = tab.getSnapshot()
            expect(snapshot.hasTag('tokenValid') && !snapshot.hasTag('busy')).toBe(true)
          }
        },
        { timeout: 5_000, interval: 10 },
      )
      expect(harness.count('getAccessToken') - before).toBe(1)
      expect(harness.count('authorizeCustomer')).toBe(guestsBefore)
      expect(tabs.every((tab) => tab.getSnapshot().hasTag('registered'))).toBe(true)
      expect(new Set(tabs.map((tab) => tab.getTokens()?.refreshToken)).size).toBe(1)
      expect(events).toEqual([])
    },
  )
})

describe('degraded mode (no Web Locks, no lockFallback)', () => {
  it('a login and a logout in one of 3 tabs reach the others through the notices', async () => {
    harness = createSessionHarness()
    const origin = fakeOrigin({ withLocks: false, storageLagMs: 5 })
    const warnings: string[] = []
    const tabs = Array.from({ length: 3 }, () => {
      const tab = origin.tab()
      return (harness as NonNullable<typeof harness>).session({
        storage: createLocalStorage({ storage: tab.storage }),
        coordination: createWebCoordination({
          ...tab.options,
          onWarning: (message) => warnings.push(message),
        }),
      })
    })
    expect(warnings).toHaveLength(3)
    const [first, , last] = tabs
    const ada = harness.emulator.settings.shoppers[0]
    if (first === undefined || last === undefined || ada === undefined) throw new Error('setup')
    const shared = () => new Set(tabs.map((tab) => tab.getTokens()?.refreshToken)).size
    await Promise.all(tabs.map((tab) => tab.ready()))
    // Unlocked, tabs starting together may each create a guest session; the notices make them
    // adopt the last one written. (A notice arriving during a login cancels that login.)
    await vi.waitFor(() => expect(shared()).toBe(1))
    await first.login(ada.login, ada.password)
    await vi.waitFor(() =>
      expect(tabs.every((tab) => tab.getSnapshot().hasTag('registered'))).toBe(true),
    )
    expect(shared()).toBe(1)
    await last.logout()
    await vi.waitFor(() =>
      expect(tabs.every((tab) => tab.getTokens()?.customerType === 'guest')).toBe(true),
    )
  })
})

describe('a lock another tab never releases', () => {
  it('ends the refresh with a timeout naming the lock; the session refreshes once it is free', async () => {
    harness = createSessionHarness()
    const origin = fakeOrigin()
    const tab = origin.tab()
    let offset = 0
    const session = harness.session({
      storage: createLocalStorage({ storage: tab.storage }),
      coordination: createWebCoordination({ ...tab.options, lockTimeoutMs: 100 }),
      now: () => Date.now() + offset,
      retry: { baseDelayMs: 50, maxDelayMs: 50 },
      waitTimeoutMs: 400,
    })
    await session.ready()
    // Another tab took the session's lock and hangs.
    const name = `shopper-session:session:${harness.storageKey}`
    let release: () => void = () => undefined
    const hung = origin.locks.request(
      name,
      { mode: 'exclusive' },
      () => new Promise<void>((resolve) => (release = resolve)),
    )
    offset = 31 * MINUTE
    harness.emulator.control.advanceTime(31 * MINUTE)
    const before = harness.count('getAccessToken')
    const error = await session.getAccessToken().catch((reason: unknown) => reason)
    expect(isShopperSessionError(error, 'timeout')).toBe(true)
    expect((error as Error).message).toBe(
      `web coordination: lock "${name}" not granted within 100 ms`,
    )
    expect(harness.count('getAccessToken')).toBe(before)
    release()
    await hung
    await expect(session.getAccessToken()).resolves.toEqual(expect.any(String))
    expect(harness.count('getAccessToken')).toBe(before + 1)
  })
})
