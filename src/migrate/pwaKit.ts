/**
 * `shopper-session/migrate/pwa-kit`: takes over the shopper session PWA Kit (commerce-sdk-react)
 * keeps, so switching libraries logs nobody out. Reading PWA Kit's cookies and keys is
 * `pwaKitRead.ts`; this module writes the result under the session's key (only when it holds no
 * session, under the session's lock) and, when asked, clears PWA Kit's cookies and keys afterwards.
 *
 * @module
 */
import type { CoordinationAdapter } from '../../adapters/coordination/types.ts'
import { parseCookieHeader } from '../../adapters/storage/cookieFormat.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import { createSessionStore, storageKey } from '../session/store.ts'
import { measure } from '../session/tokens.ts'
import {
  type CustomerType,
  importPwaKitSession,
  type PwaKitImport,
  type PwaKitImported,
  type PwaKitSkipReason,
  type PwaKitSource,
} from './pwaKitRead.ts'

export * from './pwaKitRead.ts'

// The session's lock (`LOCKS.session` in src/actors.ts, a test keeps them equal): importing it
// from there would pull the actors module and xstate into this entry.
const SESSION_LOCK = 'shopper-session:session'
const COOKIE_DOMAIN = /^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/
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
    coordination?.publish({ type: 'session.changed', key, sender: 'pwa-kit-migration' })
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
