/**
 * Cookie naming, parsing, chunking and option checks shared by the browser cookie adapter
 * (`cookie.ts`) and the per-request server one (`serverCookie.ts`). Runtime-neutral: no `node:`
 * module and no DOM, so each adapter pulls in only this.
 *
 * @module
 */

/** Cookie attribute options both cookie adapters accept. */
export interface CookieAttributeOptions {
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
   * The longest (percent-encoded) cookie value before it is split into `name.0`, `name.1`, …
   * Default 3800: browsers keep at most 4096 bytes of name, value and attributes per cookie.
   */
  chunkSize?: number
}

/** Default lifetime: 90 days, a registered refresh token's life. */
export const DEFAULT_MAX_AGE_SECONDS = 90 * 24 * 3600
/** Browsers keep at most 4096 bytes of name, value and attributes per cookie. */
export const DEFAULT_CHUNK_SIZE = 3800
// Longest Max-Age browsers honour (RFC 6265bis caps it at 400 days); longer is a caller's mistake.
const MAX_AGE_LIMIT_SECONDS = 400 * 24 * 3600
// Attribute values must not end the attribute list or carry control characters.
const ATTRIBUTE_SAFE = /^[^\0-\x1f\x7f;,]+$/

/**
 * The cookie name for a storage key: every character outside `[A-Za-z0-9_-]` becomes `%XX` (its
 * UTF-8 bytes), so `:` (not allowed in cookie names) is escaped and `.` stays free to mark chunks.
 * `label` names the adapter in the error for an empty key.
 */
export function encodeCookieName(key: string, label: string): string {
  if (key.length === 0) throw new RangeError(`${label}: the storage key must not be empty`)
  const encoder = new TextEncoder()
  const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  return key.replace(/[^A-Za-z0-9_-]/gu, (char) => Array.from(encoder.encode(char), hex).join(''))
}

/**
 * Parses a `Cookie` header (or `document.cookie`) leniently: pairs without `=` and empty names are
 * skipped, surrounding double quotes are dropped, and the first of two equal names wins (browsers
 * send the cookie of the most specific path first).
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

/** Whether `cookieName` is `name` itself or one of its chunks `name.0`, `name.1`, … */
export function belongsTo(cookieName: string, name: string): boolean {
  if (cookieName === name) return true
  // An encoded name never holds `.`, so `name.N` cannot be another key's cookie.
  return cookieName.startsWith(`${name}.`) && /^\d+$/.test(cookieName.slice(name.length + 1))
}

/** The cookies of `jar` that belong to `name`: the single cookie and its chunks. */
export function cookiesOf(jar: ReadonlyMap<string, string>, name: string): string[] {
  return [...jar.keys()].filter((cookieName) => belongsTo(cookieName, name))
}

/**
 * The cookies that store `value` under `name`: percent-encoded (cookie values cannot hold `"`,
 * `,`, `;` or spaces), as one cookie when it fits `chunkSize`, else as `name.0`, `name.1`, …
 */
export function toCookies(name: string, value: string, chunkSize: number): Map<string, string> {
  const encoded = encodeURIComponent(value)
  const cookies = new Map<string, string>()
  if (encoded.length <= chunkSize) cookies.set(name, encoded)
  else {
    for (let start = 0, index = 0; start < encoded.length; start += chunkSize, index++) {
      cookies.set(`${name}.${index}`, encoded.slice(start, start + chunkSize))
    }
  }
  return cookies
}

/**
 * The value stored under `name` in `jar` (the single cookie, else its chunks joined in order), or
 * undefined. Chunks are joined before decoding, so a split `%XX` escape is harmless.
 */
export function fromCookies(jar: ReadonlyMap<string, string>, name: string): string | undefined {
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
}

/** The `Set-Cookie` (or `document.cookie`) strings of an adapter: one cookie written or expired. */
export interface CookieStrings {
  write(name: string, value: string): string
  expire(name: string): string
}

/**
 * The strings that write and expire cookies with the attributes of `options` (defaults applied);
 * `flags` (`HttpOnly`, `Secure`) stand between `Domain` and `SameSite`.
 */
export function cookieStrings(
  options: CookieAttributeOptions,
  flags: readonly string[],
): CookieStrings {
  const attributes = [
    `Path=${options.path ?? '/'}`,
    ...(options.domain !== undefined ? [`Domain=${options.domain}`] : []),
    ...flags,
    `SameSite=${options.sameSite ?? 'Lax'}`,
  ].join('; ')
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS
  return {
    write: (name, value) => `${name}=${value}; ${attributes}; Max-Age=${maxAge}`,
    expire: (name) => `${name}=; ${attributes}; Max-Age=0`,
  }
}

/** An adapter's cookie format: names from keys, and values to and from (chunked) cookies. */
export interface CookieCodec {
  /** The cookie name of a storage key. */
  name(key: string): string
  /** The cookies that store `value` under `name`, split at the adapter's `chunkSize`. */
  cookies(name: string, value: string): Map<string, string>
  /** The value stored under `name` in `jar`, or undefined. */
  read(jar: ReadonlyMap<string, string>, name: string): string | undefined
  /** The cookies of `jar` that belong to `name`. */
  owned(jar: ReadonlyMap<string, string>, name: string): string[]
}

/** Checks `options` (throws `RangeError` prefixed with `label`) and builds the adapter's codec. */
export function cookieCodec(label: string, options: CookieAttributeOptions): CookieCodec {
  checkCookieOptions(label, options)
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  return {
    name: (key) => encodeCookieName(key, label),
    cookies: (name, value) => toCookies(name, value, chunkSize),
    read: fromCookies,
    owned: cookiesOf,
  }
}

/**
 * Throws `RangeError` (prefixed with `label`) for an invalid option, wrongly typed ones included
 * (`path: 5` from an untyped config): the message names the option instead of a `TypeError`
 * from deep inside string handling.
 */
function checkCookieOptions(label: string, options: CookieAttributeOptions): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new RangeError(`${label}: options must be an object`)
  }
  const { maxAgeSeconds, chunkSize, path, domain, sameSite } = options as Record<string, unknown>
  const whole = (value: unknown, min: number, max: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
  const attribute = (value: unknown) => typeof value === 'string' && ATTRIBUTE_SAFE.test(value)
  if (maxAgeSeconds !== undefined && !whole(maxAgeSeconds, 1, MAX_AGE_LIMIT_SECONDS)) {
    throw new RangeError(`${label}: maxAgeSeconds must be whole seconds from 1 to 400 days`)
  }
  if (chunkSize !== undefined && !whole(chunkSize, 100, 4000)) {
    throw new RangeError(`${label}: chunkSize must be a whole number from 100 to 4000`)
  }
  if (path !== undefined && !(attribute(path) && (path as string).startsWith('/'))) {
    const rule = 'must be a string that starts with / and has no ; , or control characters'
    throw new RangeError(`${label}: path ${rule}`)
  }
  if (domain !== undefined && !attribute(domain)) {
    throw new RangeError(`${label}: domain must be a string with no ; , or control characters`)
  }
  if (sameSite !== undefined && sameSite !== 'Lax' && sameSite !== 'Strict') {
    throw new RangeError(`${label}: sameSite must be 'Lax' or 'Strict'`)
  }
}
