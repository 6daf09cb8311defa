/**
 * Page lifecycle → `session.check()`. Browsers delay or skip timers while a tab is hidden,
 * frozen, offline or the machine sleeps, so the session's expiry timer alone can fire late; these
 * signals make a tab check at once when it comes back instead of showing an expired session.
 *
 * @module
 */
import { hasMethods } from '../../adapters/storage/webStorage.ts'

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

const isTarget = (value: unknown): value is LifecycleTarget =>
  hasMethods(value, 'addEventListener', 'removeEventListener')

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value < 1_000) {
    throw new RangeError(`page lifecycle: ${name} must be a number of milliseconds, at least 1000`)
  }
  return value
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
  const interval = positive('wakeIntervalMs', options.wakeIntervalMs, 30_000)
  const threshold = positive('wakeThresholdMs', options.wakeThresholdMs, 60_000)
  const now = options.now ?? Date.now
  const win = options.window === undefined ? globalThis : options.window
  const doc = options.document === undefined ? globalThis.document : options.document
  const run = (ok: unknown) => {
    if (ok) check()
  }
  const always = () => check()
  const signals = [
    [doc, 'visibilitychange', () => run(doc?.visibilityState !== 'hidden')],
    [win, 'online', always],
    [win, 'focus', always],
    // A normal load's pageshow is the session's own start; only a restored page is stale.
    [win, 'pageshow', (event: { persisted?: boolean }) => run(event.persisted)],
  ] as const
  const each = (method: 'addEventListener' | 'removeEventListener') => {
    for (const [target, type, listener] of signals) {
      if (isTarget(target)) target[method](type, listener)
    }
  }
  each('addEventListener')

  let last = now()
  const timer = setInterval(() => {
    const at = now()
    if (at - last > interval + threshold) check()
    last = at
  }, interval)

  return () => {
    clearInterval(timer)
    each('removeEventListener')
  }
}
