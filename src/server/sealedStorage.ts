/**
 * The cookie storage of a server session with every value sealed (see `cookieSeal.ts`): what the
 * browser holds can be neither read nor edited, and a forged, foreign or mixed cookie makes `get`
 * reject with `tampered` (the session then removes it and starts a guest).
 *
 * @module
 */
import type { ServerCookieStorage } from '../../adapters/storage/serverCookie.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import type { CookieSealer } from './cookieSeal.ts'

/** A storage whose writes become `Set-Cookie` headers. */
export interface CookieBackedStorage extends StorageAdapter {
  /** `Set-Cookie` values for what this request changed. */
  setCookieHeaders(): string[]
}

/**
 * Wraps one request's cookie storage: `set` seals, `get` opens. A value sealed with an older
 * secret is sealed again with the first one as it is read, so the response carries the cookie
 * under the current secret (rotation completes as shoppers come back).
 */
export function sealedCookieStorage(
  cookies: ServerCookieStorage,
  sealer: CookieSealer,
): CookieBackedStorage {
  // Sealing is asynchronous: a write lands only if no later write or removal began meanwhile, so
  // the cookie always ends up as the last call said, whatever order the seals finish in.
  const changes = new Map<string, number>()
  const begin = (key: string) => {
    const change = (changes.get(key) ?? 0) + 1
    changes.set(key, change)
    return change
  }
  return {
    // Opened on every read, never cached: a decryption costs microseconds, a kept copy of the
    // record would cost every live session kilobytes.
    async get(key) {
      const sealed = cookies.get(key)
      if (sealed === undefined) return undefined
      const { value, current } = await sealer.open(key, sealed)
      if (current) return value
      const resealed = await sealer.seal(key, value)
      // Only if nothing was written meanwhile: a newer record must never be replaced by this one.
      if (cookies.get(key) === sealed) cookies.set(key, resealed)
      return value
    },
    async set(key, value) {
      const change = begin(key)
      const sealed = await sealer.seal(key, value)
      if (changes.get(key) === change) cookies.set(key, sealed)
    },
    remove(key) {
      begin(key)
      cookies.remove(key)
    },
    setCookieHeaders: () => cookies.setCookieHeaders(),
  }
}
