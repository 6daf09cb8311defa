/**
 * The clock the session actor schedules its timers on: the platform's `setTimeout`, except that
 * in Node a timer never keeps the process alive on its own. A script that creates a session and
 * finishes its work exits without calling `stop()`; a server keeps running for its sockets.
 *
 * @module
 */

/** What XState's `clock` option takes. */
export interface TimerClock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown
  clearTimeout(id: unknown): void
}

/** Lets a Node timer end with the process (`unref`); browsers have no such method. */
export function unrefTimer(timer: unknown): void {
  ;(timer as { unref?: () => void } | undefined)?.unref?.()
}

/** `setTimeout`/`clearTimeout`, read at call time (fake timers apply), with Node timers unref'd. */
export const nodeFriendlyClock: TimerClock = {
  setTimeout(fn, timeout) {
    const timer = setTimeout(fn, timeout)
    unrefTimer(timer)
    return timer
  },
  clearTimeout(id) {
    clearTimeout(id as ReturnType<typeof setTimeout>)
  },
}
