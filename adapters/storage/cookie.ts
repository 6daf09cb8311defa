/**
 * `shopper-session/adapters/storage/cookie`: the session in first-party cookies through
 * `document.cookie`, for pages whose server reads the session too. Values are percent-encoded and
 * split into `name.0`, `name.1`, … above `chunkSize`; every tab of the site shares them.
 *
 * Mind that every request to the site then carries the session (refresh token included) and
 * that page scripts can read it: prefer `localStorage` unless the server needs it, and the
 * HttpOnly `serverCookie` adapter when only the server does.
 *
 * @module
 */
import {
  type CookieAttributeOptions,
  cookieCodec,
  cookieStrings,
  parseCookieHeader,
} from './cookieFormat.ts'
import type { StorageAdapter } from './types.ts'

export type { StorageAdapter } from './types.ts'

/** Where cookies are read and written: `document`, or a stand-in with a `cookie` property. */
export interface CookieJar {
  cookie: string
}

/** Cookie attributes and limits of {@link createCookieStorage}. */
export interface CookieStorageOptions extends CookieAttributeOptions {
  /**
   * The `Secure` attribute. Default true, except on `http://localhost` (and loopback addresses)
   * where it is off, because Safari drops Secure cookies there. On any other plain-HTTP page a
   * Secure cookie is refused by the browser and `set` throws.
   */
  secure?: boolean
  /** Where cookies live. Default `document`; tests may pass a stand-in. */
  document?: CookieJar
}

const LABEL = 'cookie'

interface LocationLike {
  protocol?: string
  hostname?: string
}

function onLoopbackHttp(): boolean {
  const location = (globalThis as { location?: LocationLike }).location
  if (location?.protocol !== 'http:') return false
  const host = location.hostname ?? ''
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  )
}

function resolveJar(given: unknown): CookieJar {
  const candidate = given ?? (globalThis as { document?: unknown }).document
  const hasCookie =
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as { cookie?: unknown }).cookie === 'string'
  if (hasCookie) return candidate as CookieJar
  throw new TypeError(
    given === undefined
      ? 'cookie: document.cookie is not available here (server rendering or a worker); ' +
        'use adapters/storage/serverCookie on the server'
      : 'cookie: options.document must have a string `cookie` property',
  )
}

/**
 * Creates a storage adapter over `document.cookie`. Synchronous. A write is read back: when the
 * browser keeps no cookie (too large, `Secure` on plain HTTP, cookies blocked) the partial write
 * is removed and `set` throws, so the session reports `storage.failed` and keeps the tokens in
 * memory. A write or removal also deletes the stale form (the single cookie, or chunks beyond
 * the new count). Throws `TypeError` without `document.cookie`, `RangeError` for bad options.
 *
 * @example
 * ```ts
 * import { createCookieStorage } from 'shopper-session/adapters/storage/cookie'
 * const session = createShopperSession({ ...config, storage: createCookieStorage() })
 * ```
 */
export function createCookieStorage(options: CookieStorageOptions = {}): StorageAdapter {
  const codec = cookieCodec(LABEL, options)
  if (options.secure !== undefined && typeof options.secure !== 'boolean') {
    throw new RangeError('cookie: secure must be a boolean')
  }
  const jar = resolveJar(options.document)
  const secure = options.secure ?? !onLoopbackHttp()
  const strings = cookieStrings(options, secure ? ['Secure'] : [])

  const read = () => parseCookieHeader(jar.cookie)
  const owned = (name: string) => codec.owned(read(), name)
  const write = (name: string, value: string) => {
    jar.cookie = strings.write(name, value)
  }
  const drop = (name: string) => {
    jar.cookie = strings.expire(name)
  }

  return {
    get: (key) => codec.read(read(), codec.name(key)),
    set(key, value) {
      const name = codec.name(key)
      const next = codec.cookies(name, value)
      const before = owned(name)
      // New cookies first, stale ones after: a reader in another tab never finds nothing.
      for (const [cookieName, cookieValue] of next) write(cookieName, cookieValue)
      for (const stale of before) if (!next.has(stale)) drop(stale)
      if (codec.read(read(), name) !== value) {
        for (const cookieName of owned(name)) drop(cookieName)
        throw new Error(
          'cookie: the browser did not keep the session cookie (too large, Secure on plain ' +
            'HTTP, or cookies blocked)',
        )
      }
    },
    remove(key) {
      for (const stale of owned(codec.name(key))) drop(stale)
    },
  }
}
