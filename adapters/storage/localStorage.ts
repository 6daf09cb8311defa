/**
 * `shopper-session/adapters/storage/localStorage`: the session in `window.localStorage`. Every tab
 * of the origin shares it and it survives restarts, so a shopper stays signed in across tabs and
 * visits. Tabs sharing one refresh token need a lock around the refresh (the session's
 * coordination adapter), or two tabs may spend the same single-use token.
 *
 * @module
 */
import type { StorageAdapter } from './types.ts'
import { resolveWebStorage, type WebStorageLike } from './webStorage.ts'

export type { StorageAdapter } from './types.ts'
export type { WebStorageLike } from './webStorage.ts'

/** Options of {@link createLocalStorage}. */
export interface LocalStorageOptions {
  /** The storage to use. Default `window.localStorage`; tests may pass another `Storage`. */
  storage?: WebStorageLike
}

/**
 * Creates a storage adapter over `localStorage`. Synchronous; a full quota makes `set` throw
 * (the session then reports `storage.failed` and keeps the tokens in memory). Throws `TypeError`
 * when Web Storage is missing or blocked (server rendering, workers, blocked site data).
 *
 * @example
 * ```ts
 * import { createLocalStorage } from 'shopper-session/adapters/storage/localStorage'
 * const session = createShopperSession({ ...config, storage: createLocalStorage() })
 * ```
 */
export function createLocalStorage(options: LocalStorageOptions = {}): StorageAdapter {
  const storage = resolveWebStorage('localStorage', options.storage)
  return {
    get: (key) => storage.getItem(key),
    set(key, value) {
      storage.setItem(key, value)
    },
    remove(key) {
      storage.removeItem(key)
    },
  }
}
