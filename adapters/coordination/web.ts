/**
 * `shopper-session/adapters/coordination/web`: locks and change notices between the tabs of one
 * origin, so that tabs sharing a stored session spend a single-use refresh token once and follow
 * each other's logins and logouts.
 *
 * - Locks: Web Locks (`navigator.locks`, exclusive). They are released when a tab closes or
 *   crashes, and the browser orders the waiters.
 * - Notices: a BroadcastChannel (`shopper-session`). Only `{ type, key, sender }` is sent: a
 *   notice says "the stored session changed" and receivers re-read storage, so tokens never travel
 *   between tabs.
 * - Settling: Chromium delivers another tab's localStorage writes to this tab a few milliseconds
 *   after the Web Lock hand-over or the BroadcastChannel message that follows them (measured in
 *   Chromium: about half the lock hand-overs and most notices saw the old value, for 0.1 to 7 ms).
 *   So a granted task first waits until no `storage` event came for {@link QUIET_MS} (at most
 *   {@link MAX_SETTLE_MS}), and a task that waited for another tab's lock also waits for the mark
 *   that tab wrote last inside the lock (`{storagePrefix}done|{name}`): without this, "lock, then
 *   re-read storage" reads the spent refresh token and spends it again. And every `storage` event
 *   of another key is passed on as a notice for that key: it fires once this tab's copy holds the
 *   new value, so a session re-reading on it cannot miss a change the message overtook.
 *
 * Fallbacks, for browsers before Safari 15.4 and for pages outside a secure context (plain
 * `http://` on a LAN address has no `navigator.locks`):
 *
 * - Without BroadcastChannel, notices are written to one localStorage key (with a nonce, so equal
 *   notices still change the value) and heard through `storage` events.
 * - Without Web Locks, the degraded mode by default: the lock holds inside this page only (a FIFO
 *   per name, as in `adapters/coordination/inProcess`) and `onWarning` is told once. Tabs then
 *   keep each other current through the notices, and a tab about to refresh adopts what another
 *   tab stored first, but two tabs whose refresh falls due together can both spend the refresh
 *   token (with SLAS reuse detection that can end the session of every tab). `lockFallback`
 *   takes another lock instead: `createLeaseLock()` from `adapters/coordination/leaseLock` (a
 *   best-effort cross-tab lease in localStorage), or `'error'` to throw a `TypeError`.
 *
 * @module
 */
import { resolveWebStorage, withMethods, type WebStorageLike } from '../storage/webStorage.ts'
import { createInProcessCoordination } from './inProcess.ts'
import type { CoordinationAdapter, CoordinationMessage } from './types.ts'

export type { CoordinationAdapter, CoordinationMessage } from './types.ts'
export type { WebStorageLike } from '../storage/webStorage.ts'

/** The part of the Web Locks API used (`navigator.locks` fits). */
export interface LockManagerLike {
  /** With `ifAvailable` the callback gets `null` when another holder has the lock. */
  request<T>(
    name: string,
    options: { mode: 'exclusive'; ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>
}

/** The part of a BroadcastChannel used. */
export interface BroadcastChannelLike {
  onmessage: ((event: { data: unknown }) => void) | null
  postMessage(message: unknown): void
  close(): void
}

/** `BroadcastChannel` or a stand-in. */
export type BroadcastChannelFactory = new (name: string) => BroadcastChannelLike

/** A `storage` event as the fallback reads it. */
export interface StorageEventLike {
  readonly key: string | null
  readonly newValue: string | null
  readonly storageArea?: unknown
}

/** Where `storage` events arrive (`window` fits). */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void
  removeEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void
}

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

/** Storage counts as settled after this long without a `storage` event. */
export const QUIET_MS = 20
/** The longest a task or a notice waits for storage to settle. */
export const MAX_SETTLE_MS = 250

// Same-page buses of the storage-event fallback, by storage object: `storage` events never reach
// the page that wrote, so sessions of one page hear each other through this.
const pageBuses = new WeakMap<WebStorageLike, Set<CoordinationAdapter>>()

/** Reads a notice off the wire: exactly the three fields, or nothing. */
export function toNotice(data: unknown): CoordinationMessage | undefined {
  // Destructuring boxes primitives (their fields are undefined); only null and undefined need `{}`.
  const { type, key, sender } = (data ?? {}) as Record<string, unknown>
  return type === 'session.changed' && typeof key === 'string' && typeof sender === 'string'
    ? { type, key, sender }
    : undefined
}

/**
 * Creates the browser coordinator: Web Locks and a BroadcastChannel, with the fallbacks and the
 * settling of the module notes. Throws `RangeError` for bad options, and `TypeError` where no
 * cross-tab notice is possible (server rendering, a worker without Web Locks, blocked storage
 * without Web Locks or BroadcastChannel) or for `lockFallback: 'error'` without Web Locks. The
 * browser entry of `shopper-session` creates one by default.
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
  })) {
    if (!ok) throw new RangeError(`web coordination: bad ${name}`)
  }
  let storage: WebStorageLike | undefined
  try {
    // `null` is no Storage: it throws too.
    storage = resolveWebStorage('localStorage', options.storage)
  } catch {
    /* needed by the settling and the fallbacks: reported below */
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

  const read = (key: string) => {
    try {
      return storage?.getItem(key)
    } catch {
      return undefined
    }
  }

  // This page's listeners; notices from elsewhere are handed to it. Without Web Locks its FIFO is
  // the lock of the degraded mode.
  const bus = createInProcessCoordination()
  let lock: CoordinationAdapter['lock']
  if (locks) {
    lock = (name, task) => {
      const doneKey = `${prefix}done|${name}`
      const before = read(doneKey)
      const run = async (waited?: boolean) => {
        // Settle: wait until no storage event came for QUIET_MS and, after another tab's turn,
        // its last mark arrived (its writes came before it); at most MAX_SETTLE_MS. Monotonic
        // clock: a wall clock that jumps meanwhile must not end the wait early.
        const started = performance.now()
        let last = started
        const heard = () => {
          last = performance.now()
        }
        events?.addEventListener('storage', heard)
        while (
          (performance.now() - last < QUIET_MS ||
            (waited && storage && read(doneKey) === before)) &&
          performance.now() - started < MAX_SETTLE_MS
        ) {
          await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 4))
        }
        events?.removeEventListener('storage', heard)
        try {
          return await task()
        } finally {
          try {
            storage?.setItem(doneKey, `${Math.random()}`)
          } catch {
            /* the next holder waits MAX_SETTLE_MS instead */
          }
        }
      }
      return locks.request(name, { mode: 'exclusive', ifAvailable: true }, (held) =>
        held ? run() : locks.request(name, { mode: 'exclusive' }, () => run(true)),
      )
    }
  } else if (typeof lockFallback === 'function') lock = lockFallback
  else {
    onWarning?.(`${noLocks}; locking in this page only (see lockFallback)`)
    lock = bus.lock
  }

  const noticeKey = `${prefix}notice`
  // The sessions of this page a notice goes to directly, while subscribed: with BroadcastChannel
  // only this one (the channel reaches the others); without it every session of the page on this
  // storage, since none hears a storage event of ours (`storage` is there then: checked above).
  let peers = new Set<CoordinationAdapter>()
  if (!Channel && storage) pageBuses.set(storage, (peers = pageBuses.get(storage) ?? peers))
  const receive = (data: unknown) => {
    const notice = toNotice(data)
    if (notice) bus.publish(notice)
  }
  let channel: BroadcastChannelLike | undefined
  // Every `storage` event is a notice too: it fires once this tab's copy holds the new value, so a
  // session that started while another tab's write was on its way still hears of it.
  const onStorage = ({ key, newValue, storageArea }: StorageEventLike) => {
    if (storageArea !== undefined && storageArea !== storage) return
    try {
      // Another key's change is a notice for it (`clear()`, key `null`, is none: `toNotice` drops
      // it); our notice key carries the notices when there is no BroadcastChannel.
      receive(
        key?.startsWith(prefix)
          ? key === noticeKey && !Channel && JSON.parse(newValue as string)
          : { type: 'session.changed', key, sender: 'storage' },
      )
    } catch {
      /* not JSON: not ours */
    }
  }
  // The unsubscribes of this coordinator's listeners: listening runs while there is one.
  const active = new Set<() => void>()

  return {
    lock,
    publish(message) {
      // A fresh object with the three fields: whatever else a caller passes never leaves the page.
      const notice = toNotice(message)
      if (!notice) return
      try {
        for (const other of peers) other.publish(notice)
        if (Channel) {
          const sender = channel ?? new Channel(channelName)
          sender.postMessage(notice)
          if (sender !== channel) sender.close()
        } else storage?.setItem(noticeKey, JSON.stringify({ ...notice, nonce: Math.random() }))
      } catch {
        // publish never throws: the others re-read storage on their next check anyway.
      }
    },
    // Listening starts with the first subscriber and ends with the last: a stopped session leaves
    // no open channel (an open BroadcastChannel can keep a page out of the back/forward cache).
    subscribe(listener) {
      if (!active.size) {
        peers.add(bus)
        if (Channel) {
          channel = new Channel(channelName)
          channel.onmessage = (event) => receive(event.data)
        }
        if (storage) events?.addEventListener('storage', onStorage)
      }
      const unsubscribe = bus.subscribe(listener)
      active.add(unsubscribe)
      return () => {
        unsubscribe()
        if (!active.delete(unsubscribe) || active.size) return
        channel?.close()
        channel = undefined
        events?.removeEventListener('storage', onStorage)
        peers.delete(bus)
      }
    },
  }
}
