/**
 * The page lifecycle watcher on stand-in targets and a controlled wall clock: which signals call
 * `check`, the wake detector, and that unwatching leaves nothing behind. Chromium runs the real
 * events in test/e2e/tabs.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { watchPageLifecycle } from '../../src/browser/lifecycle.ts'
import { fakeTarget } from './fakes.ts'

afterEach(() => {
  vi.useRealTimers()
})

function setup(options: { wakeIntervalMs?: number; wakeThresholdMs?: number } = {}) {
  vi.useFakeTimers()
  let wall = 1_000_000
  const window = fakeTarget()
  const document = fakeTarget({ visibilityState: 'visible' })
  const check = vi.fn()
  const unwatch = watchPageLifecycle(check, { ...options, window, document, now: () => wall })
  return {
    window,
    document,
    check,
    unwatch,
    /** Moves the wall clock (timers do not move: a sleeping machine). */
    jump: (ms: number) => {
      wall += ms
    },
    /** Moves timers and the wall clock together (an awake machine). */
    pass: async (ms: number) => {
      for (let step = 0; step < ms; step += 1_000) {
        wall += 1_000
        await vi.advanceTimersByTimeAsync(1_000)
      }
    },
  }
}

describe('watchPageLifecycle', () => {
  it('checks when the page becomes visible, goes online, gets focus or comes back from the bfcache', () => {
    const page = setup()
    page.document.visibilityState = 'hidden'
    page.document.dispatch('visibilitychange')
    expect(page.check).toHaveBeenCalledTimes(0)
    page.document.visibilityState = 'visible'
    page.document.dispatch('visibilitychange')
    expect(page.check).toHaveBeenCalledTimes(1)
    page.window.dispatch('online')
    page.window.dispatch('focus')
    expect(page.check).toHaveBeenCalledTimes(3)
    page.window.dispatch('pageshow', { persisted: false }) // a normal load: the session starts anyway
    expect(page.check).toHaveBeenCalledTimes(3)
    page.window.dispatch('pageshow', { persisted: true })
    expect(page.check).toHaveBeenCalledTimes(4)
  })

  it('the wake detector checks once when the wall clock jumped past a tick, not while awake', async () => {
    const page = setup()
    await page.pass(5 * 60_000)
    expect(page.check).not.toHaveBeenCalled()
    // Timers fired up to a minute late (a long-hidden tab) is no wake.
    page.jump(55_000)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(page.check).not.toHaveBeenCalled()
    // The machine slept 31 minutes: the next tick notices.
    page.jump(31 * 60_000)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(page.check).toHaveBeenCalledTimes(1)
    await page.pass(2 * 60_000)
    expect(page.check).toHaveBeenCalledTimes(1)
  })

  it('takes the interval and threshold as options', async () => {
    const page = setup({ wakeIntervalMs: 1_000, wakeThresholdMs: 1_000 })
    page.jump(2_500)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(page.check).toHaveBeenCalledTimes(1)
  })

  it('counts a tick as a wake only when it came more than interval plus threshold after the last', async () => {
    const page = setup({ wakeIntervalMs: 1_000, wakeThresholdMs: 1_000 })
    page.jump(2_000)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(page.check).not.toHaveBeenCalled()
    // Measured from the tick before, not from the start: this one came 2 001 ms after it.
    page.jump(2_001)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(page.check).toHaveBeenCalledTimes(1)
  })

  it('unwatch removes every listener and the interval', () => {
    const page = setup()
    expect(page.window.count()).toBe(3)
    expect(page.document.count()).toBe(1)
    expect(vi.getTimerCount()).toBe(1)
    page.unwatch()
    expect(page.window.count() + page.document.count()).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    page.window.dispatch('online')
    expect(page.check).not.toHaveBeenCalled()
  })

  it('keeps the listeners of each watcher, also of two given the same check', () => {
    vi.useFakeTimers()
    const window = fakeTarget()
    const check = vi.fn()
    const unwatchFirst = watchPageLifecycle(check, { window, document: null })
    const unwatchSecond = watchPageLifecycle(check, { window, document: null })
    unwatchFirst()
    window.dispatch('online')
    window.dispatch('focus')
    expect(check).toHaveBeenCalledTimes(2)
    unwatchSecond()
    expect(window.count()).toBe(0)
  })

  it('skips what is missing (a worker, server rendering) and rejects bad intervals', () => {
    const unwatch = watchPageLifecycle(() => undefined, { window: null, document: null })
    unwatch()
    expect(() => watchPageLifecycle(() => undefined, { wakeIntervalMs: 0 })).toThrow(RangeError)
    expect(() => watchPageLifecycle(() => undefined, { wakeThresholdMs: Number.NaN })).toThrow(
      RangeError,
    )
  })
})
