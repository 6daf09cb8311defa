/**
 * `shopper-session/adapters/storage/memory`: a `Map` behind the storage port. The default in Node
 * and tests; every call creates its own map, so two sessions share tokens only when they are
 * given the same adapter (a shared process-wide map would leak one shopper's tokens to another).
 *
 * @module
 */
import type { StorageAdapter } from './types.ts'

export type { StorageAdapter } from './types.ts'

/** A memory storage adapter, with `keys()` for tests and debugging. */
export interface MemoryStorage extends StorageAdapter {
  /** The keys currently stored. */
  keys(): string[]
}

/**
 * Creates an empty in-memory storage.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage()
 * const session = createShopperSession({ ...config, storage })
 * ```
 */
export function createMemoryStorage(initial?: Record<string, string>): MemoryStorage {
  const map = new Map<string, string>(Object.entries(initial ?? {}))
  return {
    get: (key) => map.get(key),
    set(key, value) {
      map.set(key, value)
    },
    remove(key) {
      map.delete(key)
    },
    keys: () => [...map.keys()],
  }
}
