/**
 * `shopper-session/adapters/coordination/web`: locks and change notices between the tabs of one
 * origin, so that tabs sharing a stored session spend a single-use refresh token once and follow
 * each other's logins and logouts. Its parts, in web/:
 *
 * - Lock managers. The Web Locks one (webLocksLockManager.ts), released when a tab closes or
 *   crashes, waits for quiet localStorage before its task (quietStorage.ts): another tab's writes
 *   reach this one a few milliseconds after the lock. Without Web Locks (browsers before Safari
 *   15.4, pages outside a secure context such as plain `http://` on a LAN address) the in-page
 *   one, the degraded mode: a FIFO per name inside this page (as in
 *   `adapters/coordination/inProcess`), and `onWarning` is told once. Tabs then keep each other
 *   current through the notices, and a tab about to refresh adopts what another tab stored
 *   first, but two tabs whose refresh falls due together can both spend the refresh token (with
 *   SLAS reuse detection that can end the session of every tab). `lockFallback` takes another
 *   lock instead: `createLeaseLock()` from `adapters/coordination/leaseLock` (a best-effort
 *   cross-tab lease in localStorage), or `'error'` to throw a `TypeError`.
 * - The wait for a lock is bounded (lockTimeout.ts), whichever lock manager runs: `lock()` rejects
 *   with an `Error` whose `code` is `'timeout'` and whose message names the lock when its task has
 *   not started `lockTimeoutMs` (default {@link LOCK_TIMEOUT_MS}) after the call, and the task then
 *   never runs. A started task is never cut short. The session takes the rejection as a timeout
 *   and tries again later, so a tab hung while holding the lock delays the others, never blocks
 *   them for good.
 * - Notice channels, one per transport (noticeChannels.ts): a BroadcastChannel
 *   (`shopper-session`), else a localStorage key heard through `storage` events. A notice is
 *   `{ type, key, sender }` only: receivers re-read storage, so tokens never travel between tabs.
 *   Every `storage` event of another key is passed on as a notice too (storageChanges.ts).
 *
 * @module
 */
import { resolveWebStorage, withMethods, type WebStorageLike } from '../storage/webStorage.ts'
import { createInProcessCoordination } from './inProcess.ts'
import type { CoordinationAdapter } from './types.ts'
import { LOCK_TIMEOUT_MS, withLockTimeout } from './web/lockTimeout.ts'
import { toNotice } from './web/notice.ts'
import {
  createBroadcastNoticeChannel,
  createStorageNoticeChannel,
} from './web/noticeChannels.ts'
import { storageChangeListener } from './web/storageChanges.ts'
import type {
  BroadcastChannelFactory,
  LockManagerLike,
  RunWithLock,
  StorageEventSource,
} from './web/types.ts'
import { createWebLocksLockManager } from './web/webLocksLockManager.ts'

export type { CoordinationAdapter, CoordinationMessage } from './types.ts'
export type { WebStorageLike } from '../storage/webStorage.ts'
export type {
  BroadcastChannelFactory,
  BroadcastChannelLike,
  LockManagerLike,
  StorageEventLike,
  StorageEventSource,
} from './web/types.ts'
export { LOCK_TIMEOUT_MS } from './web/lockTimeout.ts'
export { toNotice } from './web/notice.ts'
export { MAX_SETTLE_MS, QUIET_MS } from './web/quietStorage.ts'

/** Options of {@link createWebCoordination}. */
export interface WebCoordinationOptions {
  /** BroadcastChannel name. Default `shopper-session`. */
  channelName?: string
  /**
   * The lock without Web Locks: another lock (`createLeaseLock()` from
   * `adapters/coordination/leaseLock`) or `'error'` (throw a `TypeError`). Default: the degraded
   * mode of the module notes, a lock inside this page only.
   */
  lockFallback?: 'error' | CoordinationAdapter['lock']
  /**
   * How long `lock()` waits for its task to start (the lock granted, storage settled) before it
   * rejects with a `timeout` error naming the lock, in ms: above 0 and below 2³¹. Default
   * {@link LOCK_TIMEOUT_MS}.
   */
  lockTimeoutMs?: number
  /** Told once, when the coordinator is created in the degraded mode. Default: nobody. */
  onWarning?: (message: string) => void
  /** Prefix of the coordinator's localStorage keys. Default `shopper-session|`. */
  storagePrefix?: string
  /** Web Locks; default `navigator.locks`, `null` acts as missing. */
  locks?: LockManagerLike | null
  /** BroadcastChannel constructor; default the global one, `null` acts as missing. */
  BroadcastChannel?: BroadcastChannelFactory | null
  /**
   * The storage whose writes are settled, and of the fallbacks; default `localStorage`, `null`
   * acts as missing.
   */
  storage?: WebStorageLike | null
  /** Where its `storage` events arrive; default `window`, `null` acts as missing. */
  events?: StorageEventSource | null
}

/**
 * Creates the browser coordinator of the module notes. Throws `RangeError` for bad options, and
 * `TypeError` where no cross-tab notice is possible (server rendering, a worker without Web Locks,
 * blocked storage without Web Locks or BroadcastChannel) or for `lockFallback: 'error'` without
 * Web Locks. The browser entry of `shopper-session` creates one by default.
 *
 * @example
 * ```ts
 * import { createWebCoordination } from 'shopper-session/adapters/coordination/web'
 * const session = createShopperSession({
 *   ...config,
 *   storage: createCookieStorage(),
 *   coordination: createWebCoordination(),
 * })
 * ```
 */
export function createWebCoordination(options: WebCoordinationOptions = {}): CoordinationAdapter {
  // The seams default to the page's globals where usable; `null` acts as missing.
  const {
    channelName = 'shopper-session',
    storagePrefix: prefix = 'shopper-session|',
    lockFallback,
    lockTimeoutMs = LOCK_TIMEOUT_MS,
    onWarning,
    locks = withMethods<LockManagerLike>(globalThis.navigator?.locks, 'request'),
    BroadcastChannel: Channel = withMethods<{ BroadcastChannel: BroadcastChannelFactory }>(
      globalThis,
      'BroadcastChannel',
    )?.BroadcastChannel,
    events = withMethods<StorageEventSource>(globalThis, 'addEventListener', 'removeEventListener'),
  } = options
  for (const [name, ok] of Object.entries({
    channelName: typeof channelName === 'string' && channelName,
    storagePrefix: typeof prefix === 'string' && prefix,
    lockFallback:
      lockFallback === undefined || lockFallback === 'error' || typeof lockFallback === 'function',
    lockTimeoutMs: lockTimeoutMs > 0 && lockTimeoutMs < 2 ** 31,
  })) {
    if (!ok) throw new RangeError(`web coordination: bad ${name}`)
  }
  let storage: WebStorageLike | undefined
  try {
    // `null` is no Storage: it throws too.
    storage = resolveWebStorage('localStorage', options.storage)
  } catch {
    // Needed by the settling and the fallbacks: reported below.
  }
  const noLocks = 'web coordination: Web Locks are missing (old browser or not https)'
  if (!locks && lockFallback === 'error') {
    throw new TypeError(`${noLocks} and lockFallback is 'error'`)
  }
  // Without localStorage the coordinator needs both Web APIs: missing either, this is no tab of a
  // page (server rendering, a worker) or its site data is blocked, and nothing is shared anyway.
  // With it, notices need BroadcastChannel or storage events.
  if (storage ? !Channel && !events : !locks || !Channel) {
    throw new TypeError(
      `web coordination: ${storage || locks ? 'BroadcastChannel' : 'Web Locks'} and ${
        storage ? 'storage events' : 'localStorage'
      } are missing; use adapters/coordination/inProcess`,
    )
  }

  // This page's listeners; the notice channels hand it what other tabs send. Its FIFO per name
  // is the in-page lock manager of the degraded mode.
  const bus = createInProcessCoordination()
  let manager: RunWithLock
  if (locks) manager = createWebLocksLockManager(locks, storage, events, prefix)
  else if (typeof lockFallback === 'function') manager = lockFallback
  else {
    onWarning?.(`${noLocks}; locking in this page only (see lockFallback)`)
    manager = bus.lock
  }

  const noticeKey = `${prefix}notice`
  // Checked above: without a BroadcastChannel there is storage.
  const notices = Channel
    ? createBroadcastNoticeChannel(Channel, channelName, bus)
    : createStorageNoticeChannel(storage as WebStorageLike, noticeKey, bus)
  const onStorage =
    storage && storageChangeListener(storage, prefix, Channel ? undefined : noticeKey, bus)
  // The unsubscribes of this coordinator's listeners: listening runs while there is one, so a
  // stopped session leaves no open channel and no storage listener behind.
  const active = new Set<() => void>()

  return {
    lock: withLockTimeout(manager, lockTimeoutMs),
    publish(message) {
      // A fresh object with the three fields: whatever else a caller passes never leaves the page.
      const notice = toNotice(message)
      try {
        if (notice) notices.post(notice)
      } catch {
        // publish never throws: the others re-read storage on their next check anyway.
      }
    },
    subscribe(listener) {
      if (!active.size) {
        notices.open()
        if (onStorage) events?.addEventListener('storage', onStorage)
      }
      const unsubscribe = bus.subscribe(listener)
      active.add(unsubscribe)
      return () => {
        unsubscribe()
        if (!active.delete(unsubscribe) || active.size) return
        notices.close()
        if (onStorage) events?.removeEventListener('storage', onStorage)
      }
    },
  }
}
