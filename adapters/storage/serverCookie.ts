/**
 * `shopper-session/adapters/storage/serverCookie`: storage for one server request. Reads the
 * request's `Cookie` header, keeps this request's writes and removals, and turns them into
 * `Set-Cookie` values for the response. Create one per request: it holds nothing process-wide,
 * so one shopper's tokens can never reach another shopper's request.
 *
 * @module
 */
import type { StorageAdapter } from './types.ts'

export type { StorageAdapter } from './types.ts'

/** Cookie attributes and limits of {@link createServerCookieStorage}. */
export interface ServerCookieOptions {
  /**
   * The `Secure` attribute. Default true. Turn it off only for plain-HTTP development: Chrome and
   * Firefox keep Secure cookies on `http://localhost`, Safari drops them.
   */
  secure?: boolean
  /** Lifetime of written cookies, seconds. Default 90 days (a registered refresh token's life). */
  maxAgeSeconds?: number
  /**
   * `SameSite`. Default `Lax`: the cookie comes along on top-level navigations (links, redirects
   * back from a login page) but not on cross-site subrequests.
   */
  sameSite?: 'Lax' | 'Strict'
  /** `Path`. Default `/`. */
  path?: string
  /** `Domain` (share with subdomains). Default none: the cookie stays on the exact host. */
  domain?: string
  /**
   * The longest cookie value before it is split into `name.0`, `name.1`, … Default 3800: browsers
   * keep at most 4096 bytes of name, value and attributes per cookie.
   */
  chunkSize?: number
}

/** A per-request cookie storage. */
export interface ServerCookieStorage extends StorageAdapter {
  /**
   * `Set-Cookie` values for what this request changed compared with its `Cookie` header (one per
   * cookie; nothing when nothing changed). Append each as its own header.
   */
  setCookieHeaders(): string[]
}

/** What a request's cookies can be given as: the `Cookie` header, or the request's headers. */
export type CookieSource = string | Headers | null | undefined

const DEFAULT_MAX_AGE_SECONDS = 90 * 24 * 3600
const DEFAULT_CHUNK_SIZE = 3800
// Longest Max-Age browsers honour (RFC 6265bis caps it at 400 days); longer is a caller's mistake.
const MAX_AGE_LIMIT_SECONDS = 400 * 24 * 3600
// Attribute values must not end the attribute list or carry control characters.
const ATTRIBUTE_SAFE = /^[^\0-\x1f\x7f;,]+$/

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
  if (key.length === 0) throw new RangeError('serverCookie: the storage key must not be empty')
  const encoder = new TextEncoder()
  const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  return key.replace(/[^A-Za-z0-9_-]/gu, (char) => Array.from(encoder.encode(char), hex).join(''))
}

/**
 * Parses a `Cookie` header leniently: pairs without `=` and empty names are skipped, surrounding
 * double quotes are dropped, and the first of two equal names wins (browsers send the cookie of
 * the most specific path first).
 */
export function parseCookieHeader(header: string): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    let value = part.slice(eq + 1).trim()
    if (name === '' || cookies.has(name)) continue
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1)
    }
    cookies.set(name, value)
  }
  return cookies
}

function headerOf(source: CookieSource): string {
  if (source === null || source === undefined) return ''
  if (typeof source === 'string') return source
  return source.get('cookie') ?? ''
}

function checkOptions(options: ServerCookieOptions): void {
  const { maxAgeSeconds, chunkSize, path, domain } = options
  const whole = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max
  if (maxAgeSeconds !== undefined && !whole(maxAgeSeconds, 1, MAX_AGE_LIMIT_SECONDS)) {
    throw new RangeError('serverCookie: maxAgeSeconds must be whole seconds from 1 to 400 days')
  }
  if (chunkSize !== undefined && !whole(chunkSize, 100, 4000)) {
    throw new RangeError('serverCookie: chunkSize must be a whole number from 100 to 4000')
  }
  if (path !== undefined && !(path.startsWith('/') && ATTRIBUTE_SAFE.test(path))) {
    throw new RangeError('serverCookie: path must start with / and contain no ; , or controls')
  }
  if (domain !== undefined && !ATTRIBUTE_SAFE.test(domain)) {
    throw new RangeError('serverCookie: domain must contain no ; , or control characters')
  }
  const { sameSite } = options
  if (sameSite !== undefined && sameSite !== 'Lax' && sameSite !== 'Strict') {
    throw new RangeError("serverCookie: sameSite must be 'Lax' or 'Strict'")
  }
}

// `name` itself, or one of its chunks `name.0`, `name.1`, … (an encoded name never holds `.`).
function belongsTo(cookieName: string, name: string): boolean {
  if (cookieName === name) return true
  return cookieName.startsWith(`${name}.`) && /^\d+$/.test(cookieName.slice(name.length + 1))
}

/**
 * Creates the storage of one request from its cookies. Values are percent-encoded (cookie values
 * cannot hold `"`, `,`, `;` or spaces); values longer than `chunkSize` are split into `name.0`,
 * `name.1`, … and joined again on read; a write or removal also clears the stale form (the single
 * cookie, or chunks beyond the new count). Cookies are always `HttpOnly`: page scripts never see
 * the tokens. Throws `RangeError` for invalid options.
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
  checkOptions(options)
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const received = parseCookieHeader(headerOf(source))
  // The cookies as this request now sees them: what arrived, with this request's changes applied.
  const jar = new Map(received)
  const attributes = [
    `Path=${options.path ?? '/'}`,
    ...(options.domain !== undefined ? [`Domain=${options.domain}`] : []),
    'HttpOnly',
    ...(options.secure === false ? [] : ['Secure']),
    `SameSite=${options.sameSite ?? 'Lax'}`,
  ].join('; ')
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS

  const owned = (name: string) => [...jar.keys()].filter((cookie) => belongsTo(cookie, name))

  return {
    get(key) {
      const name = serverCookieName(key)
      let raw = jar.get(name)
      if (raw === undefined) {
        const parts: string[] = []
        for (let index = 0; ; index++) {
          const part = jar.get(`${name}.${index}`)
          if (part === undefined) break
          parts.push(part)
        }
        if (parts.length === 0) return undefined
        raw = parts.join('')
      }
      try {
        return decodeURIComponent(raw)
      } catch {
        // Not ours or damaged: hand it over as is; the session finds it unreadable and removes it.
        return raw
      }
    },
    set(key, value) {
      const name = serverCookieName(key)
      const encoded = encodeURIComponent(value)
      const next = new Map<string, string>()
      if (encoded.length <= chunkSize) next.set(name, encoded)
      else {
        for (let start = 0, index = 0; start < encoded.length; start += chunkSize, index++) {
          next.set(`${name}.${index}`, encoded.slice(start, start + chunkSize))
        }
      }
      for (const stale of owned(name)) if (!next.has(stale)) jar.delete(stale)
      for (const [cookieName, cookieValue] of next) jar.set(cookieName, cookieValue)
    },
    remove(key) {
      for (const stale of owned(serverCookieName(key))) jar.delete(stale)
    },
    setCookieHeaders() {
      const headers: string[] = []
      // Only differences from what the browser sent: an unchanged cookie is not re-sent.
      for (const [name, value] of jar) {
        if (received.get(name) === value) continue
        headers.push(`${name}=${value}; ${attributes}; Max-Age=${maxAge}`)
      }
      for (const name of received.keys()) {
        if (!jar.has(name)) headers.push(`${name}=; ${attributes}; Max-Age=0`)
      }
      return headers
    },
  }
}
