/**
 * The bound on waiting for a lock. A lock that is never released (a task hung in another tab, a
 * foreign script holding the name) must not block this tab forever: the wait ends with an error
 * the session treats as a timeout, and the session tries again later.
 *
 * @module
 */
import type { CoordinationAdapter } from '../types.ts'
import type { RunWithLock } from './types.ts'

/**
 * Default of `lockTimeoutMs`: longer than a healthy holder takes with the session's defaults (a
 * refresh request times out after 10 s, each storage call after 5 s), so only a stuck lock hits it.
 */
export const LOCK_TIMEOUT_MS = 30_000

/**
 * `manager` with a bounded wait: the returned lock rejects when `task` has not started
 * `timeoutMs` after the call (waiting for the lock and for storage to settle), with an `Error`
 * whose `code` is `'timeout'` and whose message names the lock. The task then never runs: the
 * manager is told to leave the queue, and a late grant skips it. A task that started is never cut
 * short, as exclusion is what the lock is for; the session bounds its own work under the lock
 * (request and storage timeouts).
 */
export function withLockTimeout(
  manager: RunWithLock,
  timeoutMs: number,
): CoordinationAdapter['lock'] {
  return (name, task) =>
    new Promise((resolve, reject) => {
      const waiting = new AbortController()
      const timer = setTimeout(() => {
        waiting.abort()
        // `code` is what the session reads: a timeout, worth trying again.
        const message = `web coordination: lock "${name}" not granted within ${timeoutMs} ms`
        reject(Object.assign(new Error(message), { code: 'timeout' }))
      }, timeoutMs)
      manager(
        name,
        async () => {
          waiting.signal.throwIfAborted()
          clearTimeout(timer)
          return task()
        },
        waiting.signal,
      ).then(resolve, reject)
    })
}
