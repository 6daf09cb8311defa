/**
 * Page lifecycle → `session.check()`. Browsers delay or skip timers while a tab is hidden,
 * frozen, offline or the machine sleeps, so the session's expiry timer alone can fire late; these
 * signals make a tab check at once when it comes back instead of showing an expired session.
 *
 * @module
 */
import { withMethods } from '../../adapters/storage/webStorage.ts'

/** An event target as the watcher uses it (`window` and `document` fit). */
export interface LifecycleTarget {
  addEventListener(type: string, listener: (event: { persisted?: boolean }) => void): void
  removeEventListener(type: string, listener: (event: { persisted?: boolean }) => void): void
}

/** Options of {@link watchPageLifecycle}; the seams default to the page's globals. */
export interface PageLifecycleOptions {
  /** How often the wake detector looks at the wall clock. Default 30 000 ms. */
  wakeIntervalMs?: number
  /**
   * How much later than `wakeIntervalMs` a tick must come to count as a wake. Default 60 000 ms:
   * Chrome aligns the timers of tabs hidden for 5 minutes to one minute, which is no wake.
   */
  wakeThresholdMs?: number
  /** `window` (focus, online, pageshow); `null` turns these off. */
  window?: LifecycleTarget | null
  /** `document` (visibilitychange); `null` turns it off. */
  document?: (LifecycleTarget & { readonly visibilityState?: string }) | null
  /** Wall clock. Default `Date.now` (a sleeping machine's wall clock jumps; that is the signal). */
  now?: () => number
}

/**
 * Calls `check` when the page becomes visible, the network comes back (`online`), the page is
 * restored from the back/forward cache (`pageshow` with `persisted`), the window gets focus, or
 * the wall clock jumped past the wake detector's interval (sleep, a frozen tab, a late timer).
 * Returns a function that removes every listener and the interval. Missing globals (a worker,
 * server rendering) are skipped.
 *
 * @example
 * ```ts
 * const unwatch = watchPageLifecycle(() => session.check())
 * // later
 * unwatch()
 * ```
 */
export function watchPageLifecycle(
  check: () => void,
  options: PageLifecycleOptions = {},
): () => void {
  // Defaults apply to `undefined` only: `null` turns a target off.
  const {
    wakeIntervalMs = 30_000,
    wakeThresholdMs = 60_000,
    now = Date.now,
    window: win = globalThis,
    document: doc = globalThis.document,
  } = options
  for (const [name, ms] of Object.entries({ wakeIntervalMs, wakeThresholdMs })) {
    // Timers take NaN and Infinity as 0, so the detector would spin, as it nearly would under a
    // second; a NaN threshold would never count a wake.
    if (!Number.isFinite(ms) || ms < 1_000) {
      throw new RangeError(`page lifecycle: ${name} must be a finite number, at least 1000 (ms)`)
    }
  }
  // Only a restored page's pageshow (`persisted`) checks: a normal load's is the session's own
  // start. online and focus events have no `persisted`. A listener of its own, not `check`: the
  // same `check` given to two watchers would be one listener, and one unwatch would remove both.
  const onWindow = (event: { persisted?: boolean }) => {
    if (event.persisted !== false) check()
  }
  const signals = [
    [
      doc,
      'visibilitychange',
      () => {
        if (doc?.visibilityState !== 'hidden') check()
      },
    ],
    [win, 'online', onWindow],
    [win, 'focus', onWindow],
    [win, 'pageshow', onWindow],
  ] as const
  const each = (method: 'addEventListener' | 'removeEventListener') => {
    for (const [target, type, listener] of signals) {
      withMethods<LifecycleTarget>(target, 'addEventListener', 'removeEventListener')?.[method](
        type,
        listener,
      )
    }
  }
  each('addEventListener')

  let lastTick = now()
  const timer = setInterval(() => {
    const previousTick = lastTick
    lastTick = now()
    // Ticks further apart than the interval plus the threshold: the machine slept or the tab was
    // frozen.
    if (lastTick - previousTick > wakeIntervalMs + wakeThresholdMs) check()
  }, wakeIntervalMs)

  return () => {
    clearInterval(timer)
    each('removeEventListener')
  }
}
