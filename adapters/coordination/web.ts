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
 * - Without Web Locks, a lease in localStorage (Fischer's timed mutual exclusion): a tab that sees
 *   no live lease writes its own, waits {@link SETTLE_MS}, and holds the lock only if its lease is
 *   still there; the holder renews it while its task runs. Weaknesses, on the side of availability:
 *   exclusion holds only while a localStorage write reaches every tab within {@link SETTLE_MS}
 *   (browsers do not promise a bound, in practice it is a few milliseconds); a tab that is frozen
 *   or throttled while holding (a background tab with timers aligned to a minute) can see its lease
 *   expire and a second tab take it; a tab closed while holding blocks the others until its lease
 *   expires. `lockFallback: 'error'` throws a `TypeError` instead.
 *
 * @module
 */
import { resolveWebStorage, type WebStorageLike } from '../storage/webStorage.ts'
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
  /** Without Web Locks: `'lease'` (default, best effort, see the module notes) or `'error'`. */
  lockFallback?: 'lease' | 'error'
  /** Lease length of the fallback lock, renewed while the task runs. Default 20 000 ms. */
  leaseMs?: number
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

/** How long a lease writer waits before reading its lease back (the fallback lock). */
export const SETTLE_MS = 100
const POLL_MS = 50
/** Storage counts as settled after this long without a `storage` event. */
export const QUIET_MS = 20
/** The longest a task or a notice waits for storage to settle. */
export const MAX_SETTLE_MS = 250

// Same-page buses of the storage-event fallback, by storage object: `storage` events never reach
// the page that wrote, so sessions of one page hear each other through this.
const pageBuses = new WeakMap<WebStorageLike, Set<CoordinationAdapter>>()

function option<T>(
  given: T | null | undefined,
  read: () => unknown,
  usable: (v: unknown) => boolean,
) {
  if (given !== undefined) return given ?? undefined
  try {
    const found = read()
    return usable(found) ? (found as T) : undefined
  } catch {
    return undefined
  }
}

const hasMethods =
  (...names: string[]) =>
  (value: unknown): boolean =>
    typeof value === 'object' &&
    value !== null &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')

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

const randomId = () => Math.random().toString(36).slice(2)

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The lease lock of the module notes. Storage failures fall back to the in-page queue alone. */
function createLeaseLock(storage: WebStorageLike, prefix: string, leaseMs: number) {
  // One task per name at a time inside this page; the lease orders the pages.
  const { lock: queue } = createInProcessCoordination()
  const owner = randomId()
  let count = 0

  const acquire = async (key: string): Promise<() => void> => {
    const nonce = `${owner}.${++count}`
    const mine = () => {
      const value = storage.getItem(key)
      return value !== null && value.startsWith(`${nonce}|`)
    }
    const write = () => storage.setItem(key, `${nonce}|${Date.now() + leaseMs}`)
    try {
      for (;;) {
        const [, expiresAt] = (storage.getItem(key) ?? '').split('|')
        if (!(Number(expiresAt) > Date.now())) {
          write()
          await sleep(SETTLE_MS)
          if (mine()) break
        }
        await sleep(POLL_MS + Math.random() * POLL_MS)
      }
    } catch {
      // Storage refused (quota, blocked): better one tab refreshing unguarded than none at all.
      return () => undefined
    }
    const renew = setInterval(() => {
      try {
        if (mine()) write()
      } catch {
        /* the lease runs out; nothing else to do */
      }
    }, leaseMs / 3)
    return () => {
      clearInterval(renew)
      try {
        if (mine()) storage.removeItem(key)
      } catch {
        /* it expires by itself */
      }
    }
  }

  return <T>(name: string, task: () => Promise<T>): Promise<T> =>
    queue(name, async () => {
      const release = await acquire(`${prefix}lock|${name}`)
      try {
        return await task()
      } finally {
        release()
      }
    })
}

function checkOptions({
  channelName,
  lockFallback,
  leaseMs,
  storagePrefix,
}: WebCoordinationOptions) {
  const bad = (name: string) => {
    throw new RangeError(`web coordination: bad ${name}`)
  }
  for (const [name, value] of Object.entries({ channelName, storagePrefix })) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) bad(name)
  }
  if (lockFallback !== undefined && lockFallback !== 'lease' && lockFallback !== 'error') {
    bad('lockFallback')
  }
  if (
    leaseMs !== undefined &&
    !(Number.isInteger(leaseMs) && leaseMs >= 1_000 && leaseMs <= 600_000)
  ) {
    bad('leaseMs (an integer from 1000 to 600000)')
  }
}

/**
 * Creates the browser coordinator: Web Locks and a BroadcastChannel, with the localStorage
 * fallbacks and the settling of the module notes. Throws `RangeError` for bad options, and
 * `TypeError` where no cross-tab lock or notice is possible (server rendering, a worker without
 * Web Locks, blocked storage without Web Locks or BroadcastChannel, `lockFallback: 'error'`
 * without Web Locks). The browser entry of `shopper-session` creates one by default.
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
  checkOptions(options)
  const prefix = options.storagePrefix ?? 'shopper-session|'
  const locks = option<LockManagerLike>(options.locks, () => navigator.locks, hasMethods('request'))
  const Channel = option<BroadcastChannelFactory>(
    options.BroadcastChannel,
    () => BroadcastChannel,
    (value) => typeof value === 'function',
  )
  let storage: WebStorageLike | undefined
  try {
    if (options.storage !== null) storage = resolveWebStorage('localStorage', options.storage)
  } catch {
    /* needed only by the fallbacks: reported below */
  }
  const events = option<StorageEventSource>(
    options.events,
    () => globalThis,
    hasMethods('addEventListener', 'removeEventListener'),
  )
  if (!locks && options.lockFallback === 'error') {
    throw new TypeError(
      "web coordination: Web Locks are missing (an old browser, or a page outside a secure context) and lockFallback is 'error'",
    )
  }
  const missing = (what: string) =>
    new TypeError(
      `web coordination: ${what} missing here (server rendering, a worker, blocked storage); use adapters/coordination/inProcess`,
    )
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
  const settle = (ready: () => boolean = () => true) =>
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
        if ((now - last >= QUIET_MS && ready()) || now - started >= MAX_SETTLE_MS) {
          events?.removeEventListener('storage', heard)
          resolve()
        } else setTimeout(tick, QUIET_MS / 4)
      }
      setTimeout(tick, QUIET_MS)
    })

  const webLock =
    (locks: LockManagerLike): CoordinationAdapter['lock'] =>
    (name, task) => {
      const doneKey = `${prefix}done|${name}`
      const before = read(doneKey)
      const run = async (waited: boolean) => {
        // After another tab's turn, its last mark must have arrived: its writes came before it.
        await settle(waited && storage ? () => read(doneKey) !== before : undefined)
        try {
          return await task()
        } finally {
          try {
            storage?.setItem(doneKey, randomId())
          } catch {
            /* the next holder waits MAX_SETTLE_MS instead */
          }
        }
      }
      return locks.request(name, { mode: 'exclusive', ifAvailable: true }, (lock) =>
        lock ? run(false) : locks.request(name, { mode: 'exclusive' }, () => run(true)),
      )
    }

  // This page's listeners; notices from elsewhere are handed to it.
  const bus = createInProcessCoordination()
  const channelName = options.channelName ?? 'shopper-session'
  const noticeKey = `${prefix}notice`
  const samePage = () => {
    const area = storage as WebStorageLike
    const buses = pageBuses.get(area) ?? new Set()
    pageBuses.set(area, buses)
    return buses
  }
  const receive = (data: unknown) => {
    const notice = toNotice(data)
    if (notice) bus.publish(notice)
  }
  let channel: BroadcastChannelLike | undefined
  // Every `storage` event is a notice too: it fires once this tab's copy holds the new value, so a
  // session that started while another tab's write was on its way still hears of it.
  const onStorage = (event: StorageEventLike) => {
    const { key, newValue } = event
    if (key === null || (event.storageArea !== undefined && event.storageArea !== storage)) return
    if (!key.startsWith(prefix)) return receive({ type: 'session.changed', key, origin: 'storage' })
    if (key !== noticeKey || Channel || !newValue) return
    try {
      receive(JSON.parse(newValue))
    } catch {
      /* not ours */
    }
  }
  let subscribers = 0

  return {
    lock: locks
      ? webLock(locks)
      : createLeaseLock(storage as WebStorageLike, prefix, options.leaseMs ?? 20_000),
    publish(message) {
      // A fresh object with the three fields: whatever else a caller passes never leaves the page.
      const notice = toNotice(message)
      if (!notice) return
      try {
        if (Channel) {
          bus.publish(notice)
          const sender = channel ?? new Channel(channelName)
          sender.postMessage(notice)
          if (sender !== channel) sender.close()
        } else {
          for (const other of samePage()) other.publish(notice)
          storage?.setItem(noticeKey, JSON.stringify({ ...notice, nonce: randomId() }))
        }
      } catch {
        // publish never throws: the others re-read storage on their next check anyway.
      }
    },
    // Listening starts with the first subscriber and ends with the last: a stopped session leaves
    // no open channel (an open BroadcastChannel can keep a page out of the back/forward cache).
    subscribe(listener) {
      if (subscribers++ === 0) {
        if (Channel) {
          channel = new Channel(channelName)
          channel.onmessage = (event) => receive(event.data)
        } else samePage().add(bus)
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
        if (!Channel) samePage().delete(bus)
      }
    },
  }
}
