/**
 * The opt-in lease lock (`createLeaseLock`) as the web coordinator's `lockFallback`, on the fake
 * origin of fakes.ts without Web Locks: exclusion across tabs, a dead holder's lease, renewal,
 * refused storage, option checks. Chromium runs it in test/e2e/tabs*.spec.ts (the fallbacks).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createLeaseLock,
  type LeaseLockOptions,
  SETTLE_MS,
} from '../../../adapters/coordination/leaseLock.ts'
import { createWebCoordination } from '../../../adapters/coordination/web.ts'
import { type FakeTab, fakeOrigin, maxConcurrency } from './fakes.ts'

afterEach(() => {
  vi.useRealTimers()
})

/** A tab's coordinator without Web Locks that opted into the lease. */
const leased = (tab: FakeTab, options: LeaseLockOptions = {}) =>
  createWebCoordination({
    ...tab.options,
    lockFallback: createLeaseLock({ storage: tab.storage, ...options }),
  })

describe('createLeaseLock as lockFallback', () => {
  it('lets one task at a time run across tabs, and removes the lease after each', async () => {
    const origin = fakeOrigin({ withLocks: false })
    const tabs = [0, 1, 2].map(() => leased(origin.tab()))
    expect(await maxConcurrency(tabs, 6, 5)).toEqual({ most: 1, ran: 6 })
    expect([...origin.entries.keys()].filter((key) => key.includes('lock'))).toEqual([])
  })

  it('waits out the lease of a tab that died holding it, then takes it', async () => {
    vi.useFakeTimers()
    const origin = fakeOrigin({ withLocks: false })
    origin.entries.set('shopper-session|lock|n', `dead-tab.1|${Date.now() + 2_000}`)
    const a = leased(origin.tab(), { leaseMs: 5_000 })
    let ran = false
    const done = a.lock('n', async () => {
      ran = true
    })
    await vi.advanceTimersByTimeAsync(1_900)
    expect(ran).toBe(false)
    await vi.advanceTimersByTimeAsync(200 + SETTLE_MS + 200)
    expect(ran).toBe(true)
    await done
  })

  it('renews the lease while a long task runs, so no other tab takes it', async () => {
    vi.useFakeTimers()
    const origin = fakeOrigin({ withLocks: false })
    const a = leased(origin.tab(), { leaseMs: 3_000 })
    const b = leased(origin.tab(), { leaseMs: 3_000 })
    let bRan = false
    let finishA: () => void = () => undefined
    const first = a.lock('n', () => new Promise<void>((resolve) => (finishA = resolve)))
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10)
    const second = b.lock('n', async () => {
      bRan = true
    })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(bRan).toBe(false)
    finishA()
    await first
    await vi.advanceTimersByTimeAsync(1_000)
    expect(bRan).toBe(true)
    await second
  })

  it('runs the task when storage refuses the lease (better than no refresh at all)', async () => {
    const origin = fakeOrigin({ withLocks: false })
    const tab = origin.tab()
    const broken = {
      ...tab.storage,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const a = createWebCoordination({
      ...tab.options,
      storage: broken,
      lockFallback: createLeaseLock({ storage: broken }),
    })
    await expect(a.lock('n', async () => 'ran')).resolves.toBe('ran')
  })

  it('keys the lease by storagePrefix and gives no warning', async () => {
    const origin = fakeOrigin({ withLocks: false })
    const onWarning = vi.fn()
    const tab = origin.tab()
    const a = createWebCoordination({
      ...tab.options,
      onWarning,
      lockFallback: createLeaseLock({ storage: tab.storage, storagePrefix: 'shop|' }),
    })
    const seen = await a.lock('n', async () => tab.storage.getItem('shop|lock|n'))
    expect(seen).toMatch(/^[\da-z]+\.1\|\d+$/)
    expect(onWarning).not.toHaveBeenCalled()
  })

  it('rejects bad options with a RangeError and a missing localStorage with a TypeError', () => {
    const storage = fakeOrigin().tab().storage
    for (const bad of [
      { leaseMs: 10 },
      { leaseMs: 1.5e3 + 0.5 },
      { leaseMs: 600_001 },
      { storagePrefix: '' },
    ]) {
      expect(() => createLeaseLock({ storage, ...bad })).toThrow(RangeError)
    }
    // Node: no localStorage.
    expect(() => createLeaseLock()).toThrow(TypeError)
  })
})
