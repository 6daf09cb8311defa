/**
 * The lock manager on Web Locks (`navigator.locks`, exclusive): the browser orders the waiters
 * and releases a lock when its tab closes or crashes. A granted task first waits for quiet
 * storage (quietStorage.ts); one that waited for another tab also waits for the mark that tab
 * wrote last inside the lock (`{prefix}done|{name}`), since its writes came before the mark.
 *
 * @module
 */
import type { WebStorageLike } from '../../storage/webStorage.ts'
import { waitForQuietStorage } from './quietStorage.ts'
import type { LockManagerLike, RunWithLock, StorageEventSource } from './types.ts'

/** Creates the Web Locks lock manager; `storage` and `events` are those whose writes settle. */
export function createWebLocksLockManager(
  locks: LockManagerLike,
  storage: WebStorageLike | undefined,
  events: StorageEventSource | null | undefined,
  prefix: string,
): RunWithLock {
  const read = (key: string) => {
    try {
      return storage?.getItem(key)
    } catch {
      return undefined
    }
  }
  return (name, task, signal) => {
    const markKey = `${prefix}done|${name}`
    const markBefore = read(markKey)
    const run = async (waited: boolean) => {
      // Without storage there is no mark to wait for; with it, after another tab's turn, a new one.
      await waitForQuietStorage(events, () => !waited || !storage || read(markKey) !== markBefore)
      try {
        return await task()
      } finally {
        try {
          storage?.setItem(markKey, `${Math.random()}`)
        } catch {
          // The next holder waits MAX_SETTLE_MS instead.
        }
      }
    }
    // Asking with `ifAvailable` first tells whether another tab held the lock. Web Locks refuse a
    // `signal` beside `ifAvailable`, so only the queued request can be called off.
    return locks.request(name, { mode: 'exclusive', ifAvailable: true }, (free) =>
      free ? run(false) : locks.request(name, { mode: 'exclusive', signal }, () => run(true)),
    )
  }
}
