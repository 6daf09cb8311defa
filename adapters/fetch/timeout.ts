/**
 * A fetch decorator that gives every request a deadline.
 *
 * @module
 */

type Timer = ReturnType<typeof setTimeout>

/** Combines signals: aborts with the reason of the first one that aborts. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const native = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any
  if (typeof native === 'function') return native.call(AbortSignal, signals)
  // Manual fallback for runtimes without AbortSignal.any (Safari < 17.4, Node < 20.3).
  const controller = new AbortController()
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason)
      return controller.signal
    }
  }
  for (const signal of signals) {
    signal.addEventListener('abort', () => controller.abort(signal.reason), {
      once: true,
      signal: controller.signal,
    })
  }
  return controller.signal
}

/**
 * Wraps `fetchFn` so each request is aborted after `ms` milliseconds with a `TimeoutError`
 * `DOMException` (which the SLAS client maps to `timeout`). The caller's own signal still works and
 * keeps its reason (an abort stays an abort). The deadline covers reading the body too; its timer
 * does not keep a Node process alive. Timers are read at call time, so fake timers apply.
 *
 * @example
 * ```ts
 * import { createNativeFetch } from 'shopper-session/adapters/fetch/native'
 * import { withTimeout } from 'shopper-session/adapters/fetch/timeout'
 * const config = { ...slasConfig, fetch: withTimeout(createNativeFetch(), 10_000) }
 * ```
 */
export function withTimeout(fetchFn: typeof fetch, ms: number): typeof fetch {
  if (!Number.isFinite(ms) || ms <= 0 || ms > 2_147_483_647) {
    throw new RangeError('withTimeout: ms must be a positive number of milliseconds up to 2^31-1')
  }
  return async (input, init = {}) => {
    const callerSignal =
      init.signal ??
      (typeof Request !== 'undefined' && input instanceof Request ? input.signal : undefined)
    const deadline = new AbortController()
    const timer: Timer = setTimeout(() => {
      deadline.abort(new DOMException(`The request timed out after ${ms} ms`, 'TimeoutError'))
    }, ms)
    ;(timer as { unref?: () => void }).unref?.()
    const signal = callerSignal ? anySignal([callerSignal, deadline.signal]) : deadline.signal
    try {
      return await fetchFn(input, { ...init, signal })
    } catch (error) {
      clearTimeout(timer)
      // Some fetch implementations reject with a generic AbortError: report the deadline as such.
      if (deadline.signal.aborted && callerSignal?.aborted !== true) throw deadline.signal.reason
      throw error
    }
  }
}
