/**
 * `shopper-session/migrate/pwa-kit`: takes over the shopper session PWA Kit (commerce-sdk-react)
 * keeps, so switching libraries logs nobody out (design 4, reference f.2). PWA Kit keeps the
 * refresh token in the cookie `cc-nx_{siteId}` (registered) or `cc-nx-g_{siteId}` (guest), the
 * usid in `usid_{siteId}`, and the access token and customer data in localStorage keys such as
 * `access_token_{siteId}` and `customer_id_{siteId}`. Older releases used the same names without
 * the site suffix.
 *
 * The access token is never imported: PWA Kit keeps `expires_in` (the lifetime) but not when the
 * token arrived, so its remaining life could only come from comparing the server's `exp` with the
 * client clock, which this library never does. The imported record is marked expired instead
 * (`accessExpiresAt: 0`) and the session refreshes once, on first use, with the real refresh
 * token: from then on the record is exactly what the session would have written itself.
 *
 * @module
 */
import type { CoordinationAdapter } from '../../adapters/coordination/types.ts'
import { parseCookieHeader } from '../../adapters/storage/cookieFormat.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import { decodeJwtClaims } from '../scapi/jwtClaims.ts'
import { createSessionStore, storageKey } from '../session/store.ts'
import { IMPORT_PENDING, measure, type StoredTokens } from '../session/tokens.ts'

/**
 * Stands in for what PWA Kit did not give until the first refresh replaces it: always the access
 * token, and the customer id and usid when they could not be read. Never a valid token or id, so
 * nothing mistakes it for one (an expired access token is never handed out by the session).
 */
export const PWA_KIT_PENDING = IMPORT_PENDING

/** The part of `window.localStorage` the importer uses (`removeItem` only to clear). */
export interface PwaKitLocalStorage {
  getItem(key: string): string | null
  removeItem?(key: string): void
}

/** Where PWA Kit's session is. */
export interface PwaKitSource {
  /** A `Cookie` request header (server) or `document.cookie` (browser). */
  cookies: string | null | undefined
  /** PWA Kit's localStorage (browser only): adds the customer id and login when consistent. */
  localStorage?: PwaKitLocalStorage | undefined
  /** The PWA Kit site id: the `_{siteId}` suffix of its cookie and key names. */
  siteId: string
  /** Clock (epoch ms). Default `Date.now`. Only used to start the refresh token's lifetime. */
  now?: () => number
}

/** Why nothing was imported. */
export type PwaKitSkipReason = 'no_session' | 'malformed' | 'invalid_input' | 'storage_failed'

/** A PWA Kit session, as a record for the session store. */
export interface PwaKitImported {
  ok: true
  /** The record (never log it): a placeholder access token that is already expired. */
  tokens: StoredTokens
  /** The cookie that held the refresh token, e.g. `cc-nx_RefArch`. */
  refreshCookie: string
  /**
   * `localStorage` when the customer id (and login) came from PWA Kit's localStorage, `pending`
   * when they are {@link PWA_KIT_PENDING} until the first refresh (no or inconsistent data).
   */
  identity: 'localStorage' | 'pending'
  /** Why localStorage or the usid cookie were not used (no values in them). */
  notes: string[]
}

/** Nothing imported, and why (the message never holds a cookie or token value). */
export interface PwaKitNotImported {
  ok: false
  reason: PwaKitSkipReason
  message: string
}

/** What {@link importPwaKitSession} found. */
export type PwaKitImport = PwaKitImported | PwaKitNotImported

type CustomerType = 'guest' | 'registered'

// Reference f.2: the documented refresh-token lifetimes, used when PWA Kit kept none.
const DEFAULT_REFRESH_SECONDS: Record<CustomerType, number> = {
  guest: 30 * 24 * 3600,
  registered: 90 * 24 * 3600,
}
const MAX_REFRESH_SECONDS = 400 * 24 * 3600
// Site ids (`chid`) are letters, digits, `_` and `-`, at most 100 characters (reference b.3).
const SITE_ID = /^[A-Za-z0-9_-]{1,100}$/
// RFC 6749 refresh tokens are visible ASCII; anything shorter than this is `undefined`, `null` or
// a truncated value, never a SLAS token.
const REFRESH_TOKEN = /^[\x21-\x7e]{16,4096}$/
const USID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,100}$/
// The session's lock (`LOCKS.session` in src/actors.ts, a test keeps them equal): importing it
// from there would pull the actors module and xstate into this entry.
const SESSION_LOCK = 'shopper-session:session'
const COOKIE_DOMAIN = /^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/
const REFRESH_COOKIE: Record<CustomerType, string> = { registered: 'cc-nx', guest: 'cc-nx-g' }
/** PWA Kit's auth cookies (f.2); `dw_dnt` and `dwsid` are not the session's and stay. */
const AUTH_COOKIES = ['cc-nx', 'cc-nx-g', 'usid'] as const
/** PWA Kit's auth localStorage keys (f.2), including its copies of the refresh tokens. */
const AUTH_KEYS = [
  'access_token',
  'customer_id',
  'customer_type',
  'enc_user_id',
  'expires_in',
  'id_token',
  'idp_access_token',
  'idp_refresh_token',
  'token_type',
  'refresh_token_expires_in',
  'code_verifier',
  'uido',
  'cc-nx',
  'cc-nx-g',
] as const

/** A cookie value as js-cookie wrote it (percent-encoded where needed), or nothing. */
function cookieValue(jar: Map<string, string>, name: string): string | undefined {
  const raw = jar.get(name)
  if (raw === undefined) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/** One localStorage read; a throwing storage (privacy modes) reads as nothing. */
function readKey(storage: PwaKitLocalStorage, key: string): string | undefined {
  try {
    const value = storage.getItem(key)
    return typeof value === 'string' && value !== '' ? value : undefined
  } catch {
    return undefined
  }
}

interface Identity {
  customerId: string
  loginId: string | undefined
  usid: string | undefined
  refreshSeconds: number | undefined
}

/**
 * The customer id and login from PWA Kit's localStorage, only when they belong to the session in
 * the cookies: its copy of the refresh token must match (hybrid sites change the cookie behind
 * its back), and the access token's claims must name the same customer type and usid.
 */
function localIdentity(
  storage: PwaKitLocalStorage,
  suffix: string,
  type: CustomerType,
  refreshToken: string,
  usid: string | undefined,
  siteId: string,
): Identity | string {
  const other: CustomerType = type === 'registered' ? 'guest' : 'registered'
  const copy = readKey(storage, `${REFRESH_COOKIE[type]}${suffix}`)
  if (copy !== undefined && copy !== refreshToken) {
    return 'its refresh token copy differs from the cookie'
  }
  if (copy === undefined && readKey(storage, `${REFRESH_COOKIE[other]}${suffix}`) !== undefined) {
    return `its refresh token copy is a ${other} one`
  }
  const seconds = Number(readKey(storage, `refresh_token_expires_in${suffix}`))
  const refreshSeconds =
    Number.isInteger(seconds) && seconds > 0 && seconds <= MAX_REFRESH_SECONDS ? seconds : undefined
  const accessToken = readKey(storage, `access_token${suffix}`)
  if (accessToken !== undefined) {
    let claims: ReturnType<typeof decodeJwtClaims>
    try {
      claims = decodeJwtClaims(accessToken)
    } catch {
      return 'its access token is not a SLAS token'
    }
    if (claims.customerType !== type) return `its access token is a ${claims.customerType} one`
    if (usid !== undefined && claims.usid !== usid) return 'its access token has another usid'
    if (claims.siteId !== undefined && claims.siteId !== siteId) {
      return 'its access token is for another site'
    }
    if (!CUSTOMER_ID.test(claims.customerId)) return 'its access token has an unusual customer id'
    return {
      customerId: claims.customerId,
      loginId: type === 'registered' ? claims.loginId : undefined,
      usid: USID.test(claims.usid) ? claims.usid : undefined,
      refreshSeconds,
    }
  }
  const storedType = readKey(storage, `customer_type${suffix}`)
  const customerId = readKey(storage, `customer_id${suffix}`)
  if (customerId === undefined) return 'it holds no customer id'
  if (storedType !== type) return 'its customer type differs from the cookie'
  if (!CUSTOMER_ID.test(customerId)) return 'its customer id is unusual'
  return { customerId, loginId: undefined, usid: undefined, refreshSeconds }
}

interface Candidate {
  name: string
  suffix: string
  type: CustomerType
}

// Suffixed names first (what the current PWA Kit writes), then the older unsuffixed ones; in
// each, registered before guest, as PWA Kit itself reads them.
function candidates(siteId: string): Candidate[] {
  return [`_${siteId}`, ''].flatMap((suffix) =>
    (['registered', 'guest'] as const).map((type) => ({
      name: `${REFRESH_COOKIE[type]}${suffix}`,
      suffix,
      type,
    })),
  )
}

function skip(reason: PwaKitSkipReason, message: string): PwaKitNotImported {
  return { ok: false, reason, message }
}

/**
 * Reads a PWA Kit shopper session. Never throws: bad input or garbled cookies give
 * `{ ok: false, reason, message }` (the message names cookies, never their values).
 *
 * The refresh token comes from the cookies only (PWA Kit's own source of truth), the usid from
 * `usid_{siteId}`, the customer id and login from localStorage when they match that session. The
 * record holds an expired placeholder access token, so the session refreshes on first use.
 *
 * @example
 * ```ts
 * const found = importPwaKitSession({ cookies: request.headers.get('cookie'), siteId: 'RefArch' })
 * if (!found.ok) console.info(`no PWA Kit session: ${found.message}`)
 * ```
 */
export function importPwaKitSession(source: PwaKitSource): PwaKitImport {
  const { siteId } = source
  if (typeof siteId !== 'string' || !SITE_ID.test(siteId)) {
    return skip('invalid_input', 'siteId must be letters, digits, _ or - (at most 100)')
  }
  const jar = parseCookieHeader(typeof source.cookies === 'string' ? source.cookies : '')
  const present = candidates(siteId).filter(({ name }) => jar.has(name))
  const chosen = present
    .map((candidate) => ({ ...candidate, token: cookieValue(jar, candidate.name) }))
    .find((candidate) => candidate.token !== undefined && REFRESH_TOKEN.test(candidate.token))
  if (chosen?.token === undefined) {
    return present.length === 0
      ? skip('no_session', `no PWA Kit refresh token cookie for site ${siteId}`)
      : skip('malformed', `${present.map(({ name }) => name).join(', ')}: not a refresh token`)
  }
  const { name, suffix, type, token } = chosen
  const notes: string[] = []
  let usid = cookieValue(jar, `usid${suffix}`)
  if (usid !== undefined && !USID.test(usid)) {
    notes.push(`usid${suffix} is not a usid`)
    usid = undefined
  }
  let identity: Identity | undefined
  if (source.localStorage !== undefined && source.localStorage !== null) {
    const found = localIdentity(source.localStorage, suffix, type, token, usid, siteId)
    if (typeof found === 'string') notes.push(`localStorage ignored: ${found}`)
    else identity = found
  }
  let now: number
  try {
    now = source.now ? source.now() : Date.now()
  } catch {
    return skip('invalid_input', 'now() threw')
  }
  if (!Number.isFinite(now) || now < 0) return skip('invalid_input', 'now() is not epoch ms')
  // An upper bound: SLAS decides at the first refresh, which follows at once.
  const refreshSeconds = identity?.refreshSeconds ?? DEFAULT_REFRESH_SECONDS[type]
  const loginId = identity?.loginId
  const tokens: StoredTokens = {
    accessToken: PWA_KIT_PENDING,
    refreshToken: token,
    customerType: type,
    customerId: identity?.customerId ?? PWA_KIT_PENDING,
    usid: usid ?? identity?.usid ?? PWA_KIT_PENDING,
    ...(loginId !== undefined ? { loginId } : {}),
    accessExpiresAt: 0,
    refreshExpiresAt: Math.floor(now) + refreshSeconds * 1000,
  }
  return {
    ok: true,
    tokens,
    refreshCookie: name,
    identity: identity === undefined ? 'pending' : 'localStorage',
    notes,
  }
}

/** Where the session will look: the fields of its config that make the storage key. */
export interface PwaKitMigrationTarget {
  organizationId: string
  siteId: string
  clientId: string
  /** As in the session config. Default `shopper-session`. */
  storageKeyPrefix?: string | undefined
  /** The session's coordination: the write then happens under its lock (tabs opening at once). */
  coordination?: CoordinationAdapter | undefined
}

/** {@link migratePwaKitSession} options: the PWA Kit source plus what to clear. */
export interface PwaKitMigrationOptions extends Omit<PwaKitSource, 'siteId'> {
  /** The PWA Kit site id. Default: the target's `siteId`. */
  siteId?: string
  /**
   * Remove PWA Kit's cookies and localStorage keys once our storage holds the session. Default
   * false: only an app that no longer runs PWA Kit anywhere should clear.
   */
  clear?: boolean
  /** The `cookieDomain` PWA Kit was configured with, if any (expiring needs the same domain). */
  cookieDomain?: string
  /** Browser: `(cookie) => { document.cookie = cookie }`. Servers send `expiredCookies` instead. */
  writeCookie?: (setCookie: string) => void
}

/** What was cleared (empty unless `clear: true` and our storage holds a session). */
export interface PwaKitCleared {
  /** `Set-Cookie` values that expire PWA Kit's cookies (a server adds them to its response). */
  expiredCookies: string[]
  /** The localStorage keys removed. */
  removedKeys: string[]
}

/** What {@link migratePwaKitSession} did. */
export type PwaKitMigration = PwaKitCleared &
  (
    | {
        /** Written into our storage. */
        outcome: 'migrated'
        customerType: CustomerType
        identity: PwaKitImported['identity']
      }
    /** Our storage already held a session: nothing written. */
    | { outcome: 'existing' }
    /** Nothing written; `error` is the adapter's failure for `storage_failed`. */
    | { outcome: 'skipped'; reason: PwaKitSkipReason; message: string; error?: unknown }
  )

const NOTHING_CLEARED = (): PwaKitCleared => ({ expiredCookies: [], removedKeys: [] })

function expire(name: string, domain: string | undefined): string {
  // Same name, path (js-cookie's default `/`) and domain as PWA Kit wrote; no `Secure`, so the
  // deletion also works on http://localhost, where PWA Kit did not set it either.
  const domainPart = domain === undefined ? '' : `; Domain=${domain}`
  const expired = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0'
  return `${name}=; Path=/${domainPart}; ${expired}; SameSite=Lax`
}

function clearPwaKit(
  options: PwaKitMigrationOptions,
  siteId: string,
  found: PwaKitImport,
): PwaKitCleared {
  // The unsuffixed names may still serve another site: cleared only when they were the source.
  const suffixes = [`_${siteId}`]
  if (found.ok && !found.refreshCookie.endsWith(`_${siteId}`)) suffixes.push('')
  const jar = parseCookieHeader(typeof options.cookies === 'string' ? options.cookies : '')
  const expiredCookies = suffixes
    .flatMap((suffix) => AUTH_COOKIES.map((name) => `${name}${suffix}`))
    .filter((name) => jar.has(name))
    .map((name) => expire(name, options.cookieDomain))
  for (const cookie of expiredCookies) {
    try {
      options.writeCookie?.(cookie)
    } catch {
      // The cookie stays; the session is ours already, so nothing is lost.
    }
  }
  const removedKeys: string[] = []
  const storage = options.localStorage
  if (storage?.removeItem) {
    for (const key of suffixes.flatMap((suffix) => AUTH_KEYS.map((name) => `${name}${suffix}`))) {
      try {
        // Empty values count too: PWA Kit stores an absent `id_token` as ''.
        if (storage.getItem(key) === null) continue
        storage.removeItem(key)
        removedKeys.push(key)
      } catch {
        // As above: a key left behind costs nothing.
      }
    }
  }
  return { expiredCookies, removedKeys }
}

/**
 * Imports PWA Kit's session into `storage` under the session's key, only while that key holds
 * no session (an unreadable or expired record counts as none). Run it before
 * `createShopperSession` with the same storage; the session then restores it without a request
 * and refreshes once on first use, which spends PWA Kit's refresh token: stop running PWA Kit
 * for this site at the same time. Never throws: failures are `outcome: 'skipped'` with a reason.
 *
 * @example
 * ```ts
 * const storage = createLocalStorage()
 * await migratePwaKitSession(storage, config, {
 *   cookies: document.cookie,
 *   localStorage: window.localStorage,
 *   clear: true,
 *   writeCookie: (cookie) => { document.cookie = cookie },
 * })
 * const session = createShopperSession({ ...config, storage })
 * ```
 */
export async function migratePwaKitSession(
  storage: StorageAdapter,
  target: PwaKitMigrationTarget,
  options: PwaKitMigrationOptions,
): Promise<PwaKitMigration> {
  const { organizationId, clientId, storageKeyPrefix = 'shopper-session', coordination } = target
  const skipped = (
    reason: PwaKitSkipReason,
    message: string,
    error?: unknown,
  ): PwaKitMigration => ({
    outcome: 'skipped',
    reason,
    message,
    ...(error !== undefined ? { error } : {}),
    ...NOTHING_CLEARED(),
  })
  const parts = [organizationId, target.siteId, clientId, storageKeyPrefix]
  if (parts.some((part) => typeof part !== 'string' || part === '')) {
    const fields = 'organizationId, siteId, clientId and storageKeyPrefix'
    return skipped('invalid_input', `${fields} must be non-empty strings`)
  }
  if (options.cookieDomain !== undefined && !COOKIE_DOMAIN.test(options.cookieDomain)) {
    return skipped('invalid_input', 'cookieDomain is not a domain')
  }
  let now: number
  try {
    now = options.now ? options.now() : Date.now()
  } catch {
    return skipped('invalid_input', 'now() threw')
  }
  const siteId = options.siteId ?? target.siteId
  const found = importPwaKitSession({ ...options, siteId, now: () => now })
  const key = storageKey(storageKeyPrefix, organizationId, target.siteId, clientId)
  const store = createSessionStore(storage, key)
  // Read and write under the session's own lock: a tab whose session already refreshed the
  // imported token must not see it overwritten with the spent one.
  const run = async (): Promise<'existing' | 'written' | 'none'> => {
    if ((await store.read(now)).kind === 'session') return 'existing'
    if (!found.ok) return 'none'
    await store.write(measure(found.tokens, now, 0))
    coordination?.publish({ type: 'session.changed', key, origin: 'pwa-kit-migration' })
    return 'written'
  }
  let result: Awaited<ReturnType<typeof run>>
  try {
    result = await (coordination ? coordination.lock(`${SESSION_LOCK}:${key}`, run) : run())
  } catch (error) {
    // The PWA Kit session is left as it was: the app can keep using it or try again.
    return skipped('storage_failed', 'the storage adapter or the lock failed', error)
  }
  // Cleared only once our storage holds a session, so a failed write never loses the shopper.
  const cleared = () =>
    options.clear === true ? clearPwaKit(options, siteId, found) : NOTHING_CLEARED()
  if (result === 'existing') return { outcome: 'existing', ...cleared() }
  if (!found.ok) return skipped(found.reason, found.message)
  return {
    outcome: 'migrated',
    customerType: found.tokens.customerType,
    identity: found.identity,
    ...cleared(),
  }
}
