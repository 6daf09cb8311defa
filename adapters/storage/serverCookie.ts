/**
 * `shopper-session/adapters/storage/serverCookie`: storage for one server request. Reads the
 * request's `Cookie` header, keeps this request's writes and removals, and turns them into
 * `Set-Cookie` values for the response. Create one per request: it holds nothing process-wide,
 * so one shopper's tokens can never reach another shopper's request. It stores values as given
 * (HttpOnly, but readable and editable by the shopper): `shopper-session/server` seals them with
 * the app's secrets before they reach it; used on its own, seal them yourself.
 *
 * @module
 */
import {
  type CookieAttributeOptions,
  cookieCodec,
  cookieStrings,
  encodeCookieName,
  parseCookieHeader,
} from './cookieFormat.ts'
import type { StorageAdapter } from './types.ts'

export type { StorageAdapter } from './types.ts'
export { parseCookieHeader } from './cookieFormat.ts'

/** Cookie attributes and limits of {@link createServerCookieStorage}. */
export interface ServerCookieOptions extends CookieAttributeOptions {
  /**
   * The `Secure` attribute. Default true. Turn it off only for plain-HTTP development: Chrome and
   * Firefox keep Secure cookies on `http://localhost`, Safari drops them.
   */
  secure?: boolean
}

/** A per-request cookie storage. Synchronous: it only reads and edits this request's cookies. */
export interface ServerCookieStorage extends StorageAdapter {
  get(key: string): string | undefined
  set(key: string, value: string): void
  remove(key: string): void
  /**
   * `Set-Cookie` values for what this request changed compared with its `Cookie` header (one per
   * cookie; nothing when nothing changed). Append each as its own header.
   */
  setCookieHeaders(): string[]
}

const LABEL = 'serverCookie'

/**
 * A plain header object as Node's `IncomingMessage.headers` and Express's `req.headers` have it:
 * its `cookie` entry is read (an array of values is joined with `; `).
 */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * What a request's cookies can be given as: the `Cookie` header, the request's `Headers`, a plain
 * header object (Node, Express), or `null`/`undefined` for none.
 */
export type CookieSource = string | Headers | HeaderRecord | null | undefined

/**
 * The cookie name for a storage key: every character outside `[A-Za-z0-9_-]` becomes `%XX` (its
 * UTF-8 bytes), so `:` (not allowed in cookie names) is escaped and `.` stays free to mark chunks.
 *
 * @example
 * ```ts
 * serverCookieName('shopper-session:f_ecom_zzte_001:RefArch:client')
 * // 'shopper-session%3Af_ecom_zzte_001%3ARefArch%3Aclient'
 * ```
 */
export function serverCookieName(key: string): string {
  return encodeCookieName(key, LABEL)
}

const SOURCE_RULE =
  `${LABEL}: cookies must be the Cookie header (a string), the request's Headers, a plain ` +
  'header object such as req.headers, or null'

/** The `Cookie` header of `source`; `TypeError` for anything that holds no headers. */
function headerOf(source: unknown): string {
  if (source === null || source === undefined) return ''
  if (typeof source === 'string') return source
  if (typeof source !== 'object') throw new TypeError(SOURCE_RULE)
  // Headers, from this realm or another (undici, a polyfill): anything with a `get`.
  const { get } = source as { get?: unknown }
  if (typeof get === 'function') return cookieValue(get.call(source, 'cookie'))
  const prototype: unknown = Object.getPrototypeOf(source)
  // Only plain objects: a Request or a Map given by mistake must not read as "no cookies".
  if (prototype !== Object.prototype && prototype !== null) throw new TypeError(SOURCE_RULE)
  const record = source as Record<string, unknown>
  // Node lower-cases header names; a hand-built object may not.
  const name = Object.keys(record).find((key) => key.toLowerCase() === 'cookie')
  return cookieValue(name === undefined ? undefined : record[name])
}

/** A header value as one string (Node joins repeated Cookie headers with `; ` too). */
function cookieValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((part) => typeof part === 'string')) {
    return value.join('; ')
  }
  throw new TypeError(`${LABEL}: the cookie header must be a string or an array of strings`)
}

/**
 * Creates the storage of one request from its cookies. Values are percent-encoded (cookie values
 * cannot hold `"`, `,`, `;` or spaces); values longer than `chunkSize` are split into `name.0`,
 * `name.1`, … and joined again on read; a write or removal also clears the stale form (the single
 * cookie, or chunks beyond the new count). Cookies are always `HttpOnly`: page scripts never see
 * the tokens. Throws `TypeError` when `source` holds no headers, `RangeError` for invalid options.
 *
 * @example
 * ```ts
 * const storage = createServerCookieStorage(request.headers, { secure: url.protocol === 'https:' })
 * const session = createShopperSession({ ...config, storage })
 * // … after the session work:
 * for (const value of storage.setCookieHeaders()) response.headers.append('set-cookie', value)
 * ```
 */
export function createServerCookieStorage(
  source: CookieSource,
  options: ServerCookieOptions = {},
): ServerCookieStorage {
  const codec = cookieCodec(LABEL, options)
  if (options.secure !== undefined && typeof options.secure !== 'boolean') {
    throw new RangeError(`${LABEL}: secure must be a boolean`)
  }
  const received = parseCookieHeader(headerOf(source))
  // The cookies as this request now sees them: what arrived, with this request's changes applied.
  const jar = new Map(received)
  // Always HttpOnly: page scripts never see the tokens.
  const flags = options.secure === false ? ['HttpOnly'] : ['HttpOnly', 'Secure']
  const strings = cookieStrings(options, flags)

  return {
    get: (key) => codec.read(jar, codec.name(key)),
    set(key, value) {
      const name = codec.name(key)
      const next = codec.cookies(name, value)
      for (const stale of codec.owned(jar, name)) if (!next.has(stale)) jar.delete(stale)
      for (const [cookieName, cookieValue] of next) jar.set(cookieName, cookieValue)
    },
    remove(key) {
      for (const stale of codec.owned(jar, codec.name(key))) jar.delete(stale)
    },
    setCookieHeaders() {
      const headers: string[] = []
      // Only differences from what the browser sent: an unchanged cookie is not re-sent.
      for (const [name, value] of jar) {
        if (received.get(name) === value) continue
        headers.push(strings.write(name, value))
      }
      for (const name of received.keys()) {
        if (!jar.has(name)) headers.push(strings.expire(name))
      }
      return headers
    },
  }
}
