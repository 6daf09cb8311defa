/**
 * Reading a PWA Kit (commerce-sdk-react) session: the refresh token from the cookies
 * `cc-nx_{siteId}` (registered) or `cc-nx-g_{siteId}` (guest), the usid from `usid_{siteId}`, and
 * the customer's ids from PWA Kit's localStorage keys when they match. Reads only; `pwaKit.ts`
 * writes the result into the session's storage.
 *
 * The access token is never imported: PWA Kit keeps `expires_in` (the lifetime) but not when the
 * token arrived, so its remaining life could only come from comparing the server's `exp` with the
 * client clock, which this library never does. The imported record is marked expired instead
 * (`accessExpiresAt: 0`) and the session refreshes once, on first use, with the real refresh
 * token: from then on the record is exactly what the session would have written itself.
 *
 * @module
 */
import { parseCookieHeader } from '../../adapters/storage/cookieFormat.ts'
import { decodeJwtClaims } from '../scapi/jwtClaims.ts'
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

/** Guest or registered, as PWA Kit names its refresh cookies. */
export type CustomerType = 'guest' | 'registered'

// commerce-sdk-react's default refresh-token lifetimes (`DEFAULT_SLAS_REFRESH_TOKEN_GUEST_TTL`,
// `DEFAULT_SLAS_REFRESH_TOKEN_REGISTERED_TTL`), used when PWA Kit kept none.
const DEFAULT_REFRESH_SECONDS: Record<CustomerType, number> = {
  guest: 30 * 24 * 3600,
  registered: 90 * 24 * 3600,
}
const MAX_REFRESH_SECONDS = 400 * 24 * 3600
// Site ids (`chid`, SLAS `channel_id`) are letters, digits, `_` and `-`, at most 100 characters.
const SITE_ID = /^[A-Za-z0-9_-]{1,100}$/
// RFC 6749 refresh tokens are visible ASCII; anything shorter than this is `undefined`, `null` or
// a truncated value, never a SLAS token.
const REFRESH_TOKEN = /^[\x21-\x7e]{16,4096}$/
const USID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,100}$/
const REFRESH_COOKIE: Record<CustomerType, string> = { registered: 'cc-nx', guest: 'cc-nx-g' }
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

