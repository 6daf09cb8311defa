/**
 * `shopper-session/adapters/coordination/leaseLock`: a cross-tab lock in localStorage for browsers
 * without Web Locks (before Safari 15.4, pages outside a secure context such as plain `http://` on
 * a LAN address). Opt in with `createWebCoordination({ lockFallback: createLeaseLock() })`: the
 * web coordinator uses it only where `navigator.locks` is missing.
 *
 * Fischer's timed mutual exclusion: a tab that sees no live lease writes its own, waits
 * {@link SETTLE_MS}, and holds the lock only if its lease is still there; the holder renews it
 * while its task runs. Weaknesses, on the side of availability: exclusion holds only while a
 * localStorage write reaches every tab within {@link SETTLE_MS} (browsers do not promise a bound,
 * in practice it is a few milliseconds); a tab that is frozen or throttled while holding (a
 * background tab with timers aligned to a minute) can see its lease expire and a second tab take
 * it; a tab closed while holding blocks the others until its lease expires.
 *
 * @module
 */
import { resolveWebStorage, type WebStorageLike } from '../storage/webStorage.ts'
import { createInProcessCoordination } from './inProcess.ts'
import type { CoordinationAdapter } from './types.ts'

export type { WebStorageLike } from '../storage/webStorage.ts'

/** A lock as `CoordinationAdapter['lock']`: runs `task` while holding `name`. */
export type CoordinationLock = CoordinationAdapter['lock']

/** Options of {@link createLeaseLock}. */
export interface LeaseLockOptions {
  /** Lease length, renewed while the task runs. Default 20 000 ms. */
  leaseMs?: number
  /** Prefix of the lease keys (`{storagePrefix}lock|{name}`). Default `shopper-session|`. */
  storagePrefix?: string
  /** The storage holding the leases. Default `localStorage`. */
  storage?: WebStorageLike
}

/** How long a lease writer waits before reading its lease back. */
export const SETTLE_MS = 100
const POLL_MS = 50

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Creates the lease lock of the module notes. Throws `RangeError` for bad options and `TypeError`
 * where localStorage is missing or blocked. Once created, storage failures (quota, blocked) run
 * the task unguarded: one tab refreshing alone is better than none at all.
 *
 * @example
 * ```ts
 * import { createLeaseLock } from 'shopper-session/adapters/coordination/leaseLock'
 * import { createWebCoordination } from 'shopper-session/adapters/coordination/web'
 * const coordination = createWebCoordination({ lockFallback: createLeaseLock() })
 * ```
 */
export function createLeaseLock(options: LeaseLockOptions = {}): CoordinationLock {
  const { leaseMs = 20_000, storagePrefix: prefix = 'shopper-session|' } = options
  if (!(Number.isInteger(leaseMs) && leaseMs >= 1_000 && leaseMs <= 600_000)) {
    throw new RangeError('lease lock: bad leaseMs (an integer from 1000 to 600000)')
  }
  if (typeof prefix !== 'string' || prefix === '') {
    throw new RangeError('lease lock: bad storagePrefix')
  }
  const storage = resolveWebStorage('localStorage', options.storage)
  // One task per name at a time inside this page; the lease orders the pages.
  const { lock: queue } = createInProcessCoordination()
  const owner = Math.random().toString(36).slice(2)
  let count = 0

  const acquire = async (key: string): Promise<() => void> => {
    const nonce = `${owner}.${++count}`
    const mine = () => storage.getItem(key)?.startsWith(`${nonce}|`) === true
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

  return (name, task) =>
    queue(name, async () => {
      const release = await acquire(`${prefix}lock|${name}`)
      try {
        return await task()
      } finally {
        release()
      }
    })
}
