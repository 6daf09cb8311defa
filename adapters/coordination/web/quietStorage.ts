/**
 * Waiting for quiet localStorage. Chromium delivers another tab's localStorage writes to this tab
 * a few milliseconds after the Web Lock hand-over or the BroadcastChannel message that follows
 * them (measured: about half the lock hand-overs and most notices saw the old value, for 0.1 to
 * 7 ms). A task that re-reads storage right after it got the lock can therefore read a refresh
 * token another tab has just spent, and spend it again.
 *
 * @module
 */
import type { StorageEventSource } from './types.ts'

/** Storage counts as settled after this long without a `storage` event. */
export const QUIET_MS = 20
/** The longest a task waits for storage to settle. */
export const MAX_SETTLE_MS = 250

/**
 * Resolves once no `storage` event came for {@link QUIET_MS} and `arrived()` holds, and after
 * {@link MAX_SETTLE_MS} at the latest: what `arrived()` waits for may never come (a holder that
 * could not write its mark). Timed on the monotonic clock: a wall clock that jumps meanwhile must
 * not end the wait early.
 */
export async function waitForQuietStorage(
  events: StorageEventSource | null | undefined,
  arrived: () => boolean,
): Promise<void> {
  const started = performance.now()
  let lastEvent = started
  const heard = () => {
    lastEvent = performance.now()
  }
  const settled = () => performance.now() - lastEvent >= QUIET_MS && arrived()
  events?.addEventListener('storage', heard)
  while (!settled() && performance.now() - started < MAX_SETTLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 4))
  }
  events?.removeEventListener('storage', heard)
}
