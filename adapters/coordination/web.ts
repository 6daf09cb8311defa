/**
 * `shopper-session/adapters/coordination/web`: locks and change notices between the tabs of one
 * origin, so that tabs sharing a stored session spend a single-use refresh token once and follow
 * each other's logins and logouts.
 *
 * - Locks: Web Locks (`navigator.locks`, exclusive). They are released when a tab closes or
 *   crashes, and the browser orders the waiters.
 * - Notices: a BroadcastChannel (`shopper-session`). Only `{ type, key, origin }` is sent: a
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
import { hasMethods, resolveWebStorage, type WebStorageLike } from '../storage/webStorage.ts'
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
  /** The storage whose writes are settled, and of the fallbacks; default `localStorage`, `null` acts as missing. */
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

// An option of the seams: `null` acts as missing, `undefined` takes the page's global if usable.
const pick = <T>(given: T | null | undefined, found: unknown, usable: boolean) =>
  given === undefined ? (usable ? (found as T) : undefined) : (given ?? undefined)

/** Reads a notice off the wire: exactly the three fields, or nothing. */
export function toNotice(data: unknown): CoordinationMessage | undefined {
  const { type, key, origin } = (typeof data === 'object' && data !== null ? data : {}) as Record<
    string,
    unknown
  >
  return type === 'session.changed' && typeof key === 'string' && typeof origin === 'string'
    ? { type, key, origin }
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
  const {
    channelName = 'shopper-session',
    storagePrefix: prefix = 'shopper-session|',
    lockFallback,
    onWarning,
  } = options
  const bad = (name: string) => {
    throw new RangeError(`web coordination: bad ${name}`)
  }
  if (typeof channelName !== 'string' || !channelName) bad('channelName')
  if (typeof prefix !== 'string' || !prefix) bad('storagePrefix')
  if (
    lockFallback !== undefined &&
    lockFallback !== 'error' &&
    typeof lockFallback !== 'function'
  ) {
    bad('lockFallback')
  }
  const found = globalThis.navigator?.locks
  const locks = pick<LockManagerLike>(options.locks, found, hasMethods(found, 'request'))
  const Channel = pick<BroadcastChannelFactory>(
    options.BroadcastChannel,
    globalThis.BroadcastChannel,
    typeof globalThis.BroadcastChannel === 'function',
  )
  let storage: WebStorageLike | undefined
  try {
    if (options.storage !== null) storage = resolveWebStorage('localStorage', options.storage)
  } catch {
    /* needed by the settling and the fallbacks: reported below */
  }
  const events = pick<StorageEventSource>(
    options.events,
    globalThis,
    hasMethods(globalThis, 'addEventListener', 'removeEventListener'),
  )
  const noLocks =
    'web coordination: Web Locks are missing (an old browser, or a page outside a secure context)'
  if (!locks && lockFallback === 'error') {
    throw new TypeError(`${noLocks} and lockFallback is 'error'`)
  }
  const missing = (what: string) =>
    new TypeError(
      `web coordination: ${what} missing here (server rendering, a worker, blocked storage); use adapters/coordination/inProcess`,
    )
  // Without localStorage the coordinator needs both Web APIs: missing either, this is no tab of a
  // page (server rendering, a worker) or its site data is blocked, and nothing is shared anyway.
  if ((!locks || !Channel) && !storage) {
    throw missing(`${locks ? 'BroadcastChannel' : 'Web Locks'} and localStorage are`)
  }
  if (!Channel && !events) throw missing('BroadcastChannel and storage events are')

  const read = (key: string) => {
    try {
      return storage?.getItem(key)
    } catch {
      return undefined
    }
  }
  // Resolves once no storage event came for QUIET_MS and `ready()` holds, or after MAX_SETTLE_MS.
  const settle = (ready?: () => boolean) =>
    new Promise<void>((resolve) => {
      // Monotonic: a wall clock that jumps meanwhile must not end the wait early.
      const started = performance.now()
      let last = started
      const heard = () => {
        last = performance.now()
      }
      events?.addEventListener('storage', heard)
      const tick = () => {
        const now = performance.now()
        if ((now - last >= QUIET_MS && (!ready || ready())) || now - started >= MAX_SETTLE_MS) {
          events?.removeEventListener('storage', heard)
          resolve()
        } else setTimeout(tick, QUIET_MS / 4)
      }
      setTimeout(tick, QUIET_MS)
    })

  // This page's listeners; notices from elsewhere are handed to it. Without Web Locks its FIFO is
  // the lock of the degraded mode.
  const bus = createInProcessCoordination()
  let lock: CoordinationAdapter['lock']
  if (locks) {
    lock = (name, task) => {
      const doneKey = `${prefix}done|${name}`
      const before = read(doneKey)
      const run = async (waited: boolean) => {
        // After another tab's turn, its last mark must have arrived: its writes came before it.
        await settle(waited && storage ? () => read(doneKey) !== before : undefined)
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
        held ? run(false) : locks.request(name, { mode: 'exclusive' }, () => run(true)),
      )
    }
  } else if (typeof lockFallback === 'function') lock = lockFallback
  else {
    onWarning?.(`${noLocks}; the lock holds in this page only (see lockFallback)`)
    lock = bus.lock
  }

  const noticeKey = `${prefix}notice`
  // Without BroadcastChannel: the other sessions of this page, which hear no storage event of ours.
  let peers: Set<CoordinationAdapter> | undefined
  if (!Channel) {
    const area = storage as WebStorageLike
    pageBuses.set(area, (peers = pageBuses.get(area) ?? new Set()))
  }
  const receive = (data: unknown) => {
    const notice = toNotice(data)
    if (notice) bus.publish(notice)
  }
  let channel: BroadcastChannelLike | undefined
  // Every `storage` event is a notice too: it fires once this tab's copy holds the new value, so a
  // session that started while another tab's write was on its way still hears of it.
  const onStorage = ({ key, newValue, storageArea }: StorageEventLike) => {
    if (key === null || (storageArea !== undefined && storageArea !== storage)) return
    if (!key.startsWith(prefix)) return receive({ type: 'session.changed', key, origin: 'storage' })
    if (key !== noticeKey || !peers || !newValue) return
    try {
      receive(JSON.parse(newValue))
    } catch {
      /* not ours */
    }
  }
  let subscribers = 0

  return {
    lock,
    publish(message) {
      // A fresh object with the three fields: whatever else a caller passes never leaves the page.
      const notice = toNotice(message)
      if (!notice) return
      try {
        if (peers) {
          for (const other of peers) other.publish(notice)
          storage?.setItem(noticeKey, JSON.stringify({ ...notice, nonce: Math.random() }))
        } else if (Channel) {
          bus.publish(notice)
          const sender = channel ?? new Channel(channelName)
          sender.postMessage(notice)
          if (sender !== channel) sender.close()
        }
      } catch {
        // publish never throws: the others re-read storage on their next check anyway.
      }
    },
    // Listening starts with the first subscriber and ends with the last: a stopped session leaves
    // no open channel (an open BroadcastChannel can keep a page out of the back/forward cache).
    subscribe(listener) {
      if (subscribers++ === 0) {
        if (peers) peers.add(bus)
        else if (Channel) {
          channel = new Channel(channelName)
          channel.onmessage = (event) => receive(event.data)
        }
        if (storage) events?.addEventListener('storage', onStorage)
      }
      const unsubscribe = bus.subscribe(listener)
      let active = true
      return () => {
        if (!active) return
        active = false
        unsubscribe()
        if (--subscribers > 0) return
        channel?.close()
        channel = undefined
        events?.removeEventListener('storage', onStorage)
        peers?.delete(bus)
      }
    },
  }
}
