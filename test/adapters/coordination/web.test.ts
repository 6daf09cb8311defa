/**
 * The web coordinator on stand-ins (fakes.ts): Web Locks and BroadcastChannel, the storage-event
 * notices used without BroadcastChannel, the degraded lock without Web Locks (the opt-in lease
 * lock is in leaseLock.test.ts), option checks. Chromium runs the real APIs in
 * test/e2e/tabs.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoordinationMessage } from '../../../adapters/coordination/types.ts'
import {
  createWebCoordination,
  LOCK_TIMEOUT_MS,
  MAX_SETTLE_MS,
  QUIET_MS,
  type StorageEventLike,
} from '../../../adapters/coordination/web.ts'
import { fakeOrigin, maxConcurrency } from './fakes.ts'

const KEY = 'shopper-session:f_ecom_zzte_001:RefArch:client-1'
const notice = (sender: string): CoordinationMessage => ({
  type: 'session.changed',
  key: KEY,
  sender,
})

/** Lets fake deliveries and the coordinator's settling (QUIET_MS and more) run. */
const settle = (ms = 4 * QUIET_MS) => new Promise((resolve) => setTimeout(resolve, ms))

afterEach(() => {
  vi.useRealTimers()
})

/** Takes `name` in the fake origin as another tab would, until `release()` (never, unless called). */
function holdLock(origin: ReturnType<typeof fakeOrigin>, name: string) {
  let release: () => void = () => undefined
  const held = origin.locks.request(
    name,
    { mode: 'exclusive' },
    () => new Promise<void>((resolve) => (release = resolve)),
  )
  return { held, release: () => release() }
}

describe('Web Locks', () => {
  it('takes an exclusive lock by name, passes the result through, and serializes tabs', async () => {
    const origin = fakeOrigin()
    const a = createWebCoordination(origin.tab().options)
    const b = createWebCoordination(origin.tab().options)
    await expect(a.lock('n', async () => 42)).resolves.toBe(42)
    expect(origin.locks.requests).toEqual([{ name: 'n', mode: 'exclusive', ifAvailable: true }])
    expect(await maxConcurrency([a, b], 6, 2)).toEqual({ most: 1, ran: 6 })
  })

  it("a task that waited for another tab's lock starts after that tab's writes arrived", async () => {
    // Chromium: the lock hand-over can overtake the storage writes made under the lock. On fake
    // timers (the clock too): a busy machine's pause must not pass for the lag.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const origin = fakeOrigin({ storageLagMs: 10 })
    const tabA = origin.tab()
    const tabB = origin.tab()
    const a = createWebCoordination(tabA.options)
    const b = createWebCoordination(tabB.options)
    let releaseA: () => void = () => undefined
    let seenByBWhenAEnded: string | null = 'not ended'
    const first = a
      .lock('n', async () => {
        await new Promise<void>((resolve) => (releaseA = resolve))
        tabA.storage.setItem('session', 'rotated')
      })
      .then(() => {
        seenByBWhenAEnded = tabB.storage.getItem('session')
      })
    await vi.advanceTimersByTimeAsync(4 * QUIET_MS)
    let seenByB: string | null = 'not run'
    const second = b.lock('n', async () => {
      seenByB = tabB.storage.getItem('session')
    })
    releaseA()
    await vi.advanceTimersByTimeAsync(2 * MAX_SETTLE_MS)
    await Promise.all([first, second])
    expect(seenByBWhenAEnded).toBeNull() // the write had not reached tab B when A's task ended
    expect(seenByB).toBe('rotated')
  })

  it('an unannounced wait is capped: a holder that wrote no mark delays the next by MAX_SETTLE_MS at most', async () => {
    const origin = fakeOrigin()
    const tabB = origin.tab()
    const b = createWebCoordination(tabB.options)
    let release: () => void = () => undefined
    // Another library version (or a failed write) holds the lock and leaves no mark.
    const foreign = origin.locks.request(
      'n',
      { mode: 'exclusive' },
      () => new Promise<void>((r) => (release = r)),
    )
    await settle(5)
    const started = Date.now()
    const second = b.lock('n', async () => Date.now() - started)
    release()
    await foreign
    const waited = await second
    expect(waited).toBeGreaterThanOrEqual(MAX_SETTLE_MS - 5)
    expect(waited).toBeLessThan(MAX_SETTLE_MS + 200)
  })

  it('a failed task rejects and releases the lock', async () => {
    const origin = fakeOrigin()
    const a = createWebCoordination(origin.tab().options)
    await expect(a.lock('n', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(a.lock('n', async () => 'next')).resolves.toBe('next')
  })
})

describe('the wait for a lock is bounded', () => {
  it('a lock another tab never releases: lock() rejects after lockTimeoutMs, naming the lock, and the task never runs', async () => {
    const origin = fakeOrigin()
    const hung = holdLock(origin, 'shopper-session:session:k')
    await settle(5)
    const b = createWebCoordination({ ...origin.tab().options, lockTimeoutMs: 100 })
    const task = vi.fn(async () => 'ran')
    const started = performance.now()
    const error = await b.lock('shopper-session:session:k', task).catch((reason: unknown) => reason)
    const waited = performance.now() - started
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      code: 'timeout',
      message: 'web coordination: lock "shopper-session:session:k" not granted within 100 ms',
    })
    expect(waited).toBeGreaterThanOrEqual(95)
    expect(waited).toBeLessThan(100 + 200)
    // The request left the queue: when the holder is done at last, the task still does not run.
    expect(origin.locks.waiting()).toBe(0)
    hung.release()
    await hung.held
    await settle()
    expect(task).not.toHaveBeenCalled()
    await expect(b.lock('shopper-session:session:k', task)).resolves.toBe('ran')
  })

  it('bounds the wait, not the task: a task that runs longer than lockTimeoutMs finishes', async () => {
    const origin = fakeOrigin()
    const a = createWebCoordination({ ...origin.tab().options, lockTimeoutMs: 30 })
    const b = createWebCoordination({ ...origin.tab().options, lockTimeoutMs: 400 })
    const first = a.lock('n', async () => {
      await settle(120)
      return 'long'
    })
    await settle(5)
    // The second waits 120 ms for the first, within its own bound of 400 ms.
    await expect(Promise.all([first, b.lock('n', async () => 'next')])).resolves.toEqual([
      'long',
      'next',
    ])
  })

  it(`defaults to LOCK_TIMEOUT_MS (${LOCK_TIMEOUT_MS} ms)`, async () => {
    vi.useFakeTimers()
    const origin = fakeOrigin()
    holdLock(origin, 'n')
    const b = createWebCoordination(origin.tab().options)
    let outcome = 'waiting'
    b.lock('n', async () => undefined).then(
      () => (outcome = 'ran'),
      (error: Error) => (outcome = error.message),
    )
    await vi.advanceTimersByTimeAsync(LOCK_TIMEOUT_MS - 1)
    expect(outcome).toBe('waiting')
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toBe(`web coordination: lock "n" not granted within ${LOCK_TIMEOUT_MS} ms`)
  })

  it('holds for the in-page lock of the degraded mode and for a lockFallback too', async () => {
    const origin = fakeOrigin({ withLocks: false })
    const inPage = createWebCoordination({ ...origin.tab().options, lockTimeoutMs: 50 })
    let finish: () => void = () => undefined
    const hung = inPage.lock('n', () => new Promise<void>((resolve) => (finish = resolve)))
    const queued = vi.fn(async () => undefined)
    await expect(inPage.lock('n', queued)).rejects.toMatchObject({ code: 'timeout' })
    finish()
    await hung
    await settle(5)
    expect(queued).not.toHaveBeenCalled()
    await expect(inPage.lock('n', async () => 'free again')).resolves.toBe('free again')

    const neverGranted = createWebCoordination({
      ...origin.tab().options,
      lockTimeoutMs: 50,
      lockFallback: () => new Promise<never>(() => undefined),
    })
    await expect(neverGranted.lock('lease', async () => undefined)).rejects.toThrow(
      'web coordination: lock "lease" not granted within 50 ms',
    )
  })
})

describe('BroadcastChannel notices', () => {
  it('reach the other tabs and this tab, on the shopper-session channel, with only three fields', async () => {
    const origin = fakeOrigin()
    const tabA = origin.tab()
    const a = createWebCoordination(tabA.options)
    const b = createWebCoordination(origin.tab().options)
    const heardA: CoordinationMessage[] = []
    const heardB: CoordinationMessage[] = []
    a.subscribe((message) => heardA.push(message))
    b.subscribe((message) => heardB.push(message))
    a.publish({
      ...notice('tab-a'),
      accessToken: 'never-sent',
      refreshToken: 'never',
    } as CoordinationMessage)
    await settle()
    expect(heardA).toEqual([notice('tab-a')])
    expect(heardB).toEqual([notice('tab-a')])
    expect(tabA.posted).toEqual([notice('tab-a')])
    expect(Object.keys(tabA.posted[0] as object).sort()).toEqual(['key', 'sender', 'type'])
  })

  it('that overtook the storage write they announce are followed by the storage event', async () => {
    // Chromium: the message often arrives before the write; the storage event comes with it.
    const origin = fakeOrigin({ storageLagMs: 10 })
    const tabA = origin.tab()
    const tabB = origin.tab()
    const a = createWebCoordination(tabA.options)
    const b = createWebCoordination(tabB.options)
    const seen: Array<[string, string, string | null]> = []
    b.subscribe((m) => seen.push([m.sender, m.key, tabB.storage.getItem(KEY)]))
    tabA.storage.setItem(KEY, 'logged-in')
    a.publish(notice('tab-a'))
    await settle(100)
    expect(seen).toEqual([
      ['tab-a', KEY, null],
      ['storage', KEY, 'logged-in'],
    ])
  })

  it('ignore foreign or malformed messages and survive a throwing listener', async () => {
    const origin = fakeOrigin()
    const tab = origin.tab()
    const a = createWebCoordination(tab.options)
    const heard: CoordinationMessage[] = []
    a.subscribe(() => {
      throw new Error('listener bug')
    })
    a.subscribe((message) => heard.push(message))
    for (const data of [
      null,
      'x',
      { type: 'other', key: KEY, sender: 'o' },
      { type: 'session.changed', key: 1 },
    ]) {
      tab.receive(data)
    }
    tab.receive({ ...notice('tab-b'), extra: 'dropped' })
    await settle()
    expect(heard).toEqual([notice('tab-b')])
  })

  it('open a channel with the first subscriber and close it with the last; publish works without one', async () => {
    const origin = fakeOrigin()
    const tabA = origin.tab()
    const tabB = origin.tab()
    const a = createWebCoordination({ ...tabA.options, channelName: 'shop-a' })
    const b = createWebCoordination({ ...tabB.options, channelName: 'shop-a' })
    expect(tabA.openChannels()).toBe(0)
    const first = a.subscribe(() => undefined)
    const second = a.subscribe(() => undefined)
    expect(tabA.openChannels()).toBe(1)
    first()
    expect(tabA.openChannels()).toBe(1)
    second()
    expect(tabA.openChannels()).toBe(0)
    const heard: CoordinationMessage[] = []
    b.subscribe((message) => heard.push(message))
    a.publish(notice('tab-a')) // no subscriber in tab A: a one-off channel
    await settle()
    expect(heard).toEqual([notice('tab-a')])
    expect(tabA.openChannels()).toBe(0)
  })
})

describe('without BroadcastChannel: storage events', () => {
  it('carry notices to the other tabs and to other sessions of the same page', async () => {
    const origin = fakeOrigin({ withChannel: false })
    const tabA = origin.tab()
    const a = createWebCoordination(tabA.options)
    const samePage = createWebCoordination(tabA.options)
    const b = createWebCoordination(origin.tab().options)
    const heard = { a: [] as string[], samePage: [] as string[], b: [] as string[] }
    a.subscribe((m) => heard.a.push(m.sender))
    samePage.subscribe((m) => heard.samePage.push(m.sender))
    b.subscribe((m) => heard.b.push(m.sender))
    a.publish(notice('tab-a'))
    a.publish(notice('tab-a')) // the same notice again still changes the value (nonce)
    await settle()
    expect(heard).toEqual({
      a: ['tab-a', 'tab-a'],
      samePage: ['tab-a', 'tab-a'],
      b: ['tab-a', 'tab-a'],
    })
    const stored = JSON.parse(origin.entries.get('shopper-session|notice') ?? '{}') as object
    expect(Object.keys(stored).sort()).toEqual(['key', 'nonce', 'sender', 'type'])
  })

  it("pass other keys' storage events on as notices, not the coordinator's own keys", async () => {
    const origin = fakeOrigin({ withChannel: false })
    const tabB = origin.tab()
    const b = createWebCoordination(tabB.options)
    const heard: CoordinationMessage[] = []
    const unsubscribe = b.subscribe((m) => heard.push(m))
    expect(tabB.events.listenerCount()).toBe(1)
    const other = origin.tab().storage
    other.setItem('shopper-session|done|n', 'mark')
    other.setItem(KEY, 'x')
    await settle()
    expect(heard).toEqual([{ type: 'session.changed', key: KEY, sender: 'storage' }])
    unsubscribe()
    expect(tabB.events.listenerCount()).toBe(0)
  })

  it('ignore clear(), removed or foreign notice values, and other storage areas', async () => {
    const origin = fakeOrigin({ withChannel: false })
    const tab = origin.tab()
    let fire: (event: StorageEventLike) => void = () => undefined
    const a = createWebCoordination({
      ...tab.options,
      events: { addEventListener: (_, listener) => (fire = listener), removeEventListener() {} },
    })
    const heard: CoordinationMessage[] = []
    a.subscribe((m) => heard.push(m))
    const storageArea = tab.storage
    fire({ key: null, newValue: null, storageArea }) // clear()
    fire({ key: 'shopper-session|notice', newValue: null, storageArea })
    fire({ key: 'shopper-session|notice', newValue: 'not json', storageArea })
    fire({ key: KEY, newValue: 'x', storageArea: origin.tab().storage })
    fire({ key: KEY, newValue: 'x', storageArea })
    await settle()
    expect(heard).toEqual([{ type: 'session.changed', key: KEY, sender: 'storage' }])
  })
})

describe('without Web Locks: the degraded mode', () => {
  it('locks inside this page only (a FIFO per name) and warns once', async () => {
    const origin = fakeOrigin({ withLocks: false })
    const warnings: string[] = []
    const onWarning = (message: string) => warnings.push(message)
    const a = createWebCoordination({ ...origin.tab().options, onWarning })
    const b = createWebCoordination({ ...origin.tab().options, onWarning })
    expect(warnings).toHaveLength(2) // one per coordinator, at creation
    expect(warnings[0]).toMatch(/Web Locks are missing .*this page only .*lockFallback/)
    const order: string[] = []
    await Promise.all(
      ['1', '2', '3'].map((step) =>
        a.lock('n', async () => {
          order.push(`start ${step}`)
          await settle(5)
          order.push(`end ${step}`)
        }),
      ),
    )
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3'])
    await expect(a.lock('n', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    // Another tab is not excluded: that is what the warning says.
    expect(await maxConcurrency([a, b], 2, 10)).toEqual({ most: 2, ran: 2 })
    expect(warnings).toHaveLength(2)
    expect([...origin.entries.keys()]).toEqual([])
  })

  it('still carries notices between the tabs', async () => {
    const origin = fakeOrigin({ withLocks: false })
    const a = createWebCoordination(origin.tab().options)
    const b = createWebCoordination(origin.tab().options)
    const heard: CoordinationMessage[] = []
    b.subscribe((message) => heard.push(message))
    a.publish(notice('tab-a'))
    await settle()
    expect(heard).toEqual([notice('tab-a')])
  })

  it('uses the lock given as lockFallback, silently', async () => {
    const origin = fakeOrigin({ withLocks: false })
    const names: string[] = []
    const onWarning = vi.fn()
    const a = createWebCoordination({
      ...origin.tab().options,
      onWarning,
      lockFallback: (name, task) => {
        names.push(name)
        return task()
      },
    })
    await expect(a.lock('n', async () => 7)).resolves.toBe(7)
    expect(names).toEqual(['n'])
    expect(onWarning).not.toHaveBeenCalled()
  })

  it('is not used where Web Locks are there: no warning, lockFallback ignored', async () => {
    const origin = fakeOrigin()
    const onWarning = vi.fn()
    const lockFallback = vi.fn()
    const a = createWebCoordination({ ...origin.tab().options, onWarning, lockFallback })
    await a.lock('n', async () => undefined)
    expect(origin.locks.requests).toHaveLength(1)
    expect(lockFallback).not.toHaveBeenCalled()
    expect(onWarning).not.toHaveBeenCalled()
  })

  it("lockFallback: 'error' throws a TypeError instead", () => {
    const origin = fakeOrigin({ withLocks: false })
    expect(() => createWebCoordination({ ...origin.tab().options, lockFallback: 'error' })).toThrow(
      /Web Locks are missing .*lockFallback is 'error'/,
    )
  })
})

describe('factory', () => {
  it('throws a TypeError where no cross-tab lock or notice is possible', () => {
    // Node: no navigator.locks, no localStorage.
    expect(() => createWebCoordination()).toThrow(TypeError)
    const origin = fakeOrigin({ withLocks: false, withChannel: false })
    expect(() => createWebCoordination({ ...origin.tab().options, storage: null })).toThrow(
      /Web Locks and localStorage are missing/,
    )
    expect(() => createWebCoordination({ ...origin.tab().options, events: null })).toThrow(
      /BroadcastChannel and storage events are missing/,
    )
  })

  it('needs no storage when both Web APIs are there', () => {
    const origin = fakeOrigin()
    expect(() =>
      createWebCoordination({ ...origin.tab().options, storage: null, events: null }),
    ).not.toThrow()
  })

  it('rejects bad options with a RangeError', () => {
    const origin = fakeOrigin()
    for (const bad of [
      { channelName: '' },
      { storagePrefix: 3 },
      { lockFallback: 'none' },
      { lockFallback: 'lease' }, // the lease is opt-in now: lockFallback: createLeaseLock()
      ...[0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31].map((lockTimeoutMs) => ({
        lockTimeoutMs,
      })),
    ]) {
      expect(() => createWebCoordination({ ...origin.tab().options, ...(bad as object) })).toThrow(
        RangeError,
      )
    }
  })
})
