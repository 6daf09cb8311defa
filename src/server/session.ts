/**
 * Per-request shopper sessions on a server: storage from the request's cookies (or one the app
 * gives), in-process coordination of its own, no proactive timer, and one refresh per refresh
 * token across the whole process.
 *
 * @module
 */
import { createInProcessCoordination } from '../../adapters/coordination/inProcess.ts'
import {
  type CookieSource,
  createServerCookieStorage,
  type ServerCookieOptions,
  type ServerCookieStorage,
} from '../../adapters/storage/serverCookie.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import type { RetryPolicy } from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'
import { getTrustedSystemAccessToken } from '../scapi/slas/token.ts'
import { createShopperSession, type ShopperSession, type ShopperSessionConfig } from '../session.ts'
import { signIn } from '../session/actions.ts'
import { resolveSessionConfig } from '../session/config.ts'
import { scopedSharing, serverRefreshes } from './refreshSharing.ts'

/**
 * Options of a server session: those of `createShopperSession` without `storage` and
 * `coordination`, which belong to one request (see {@link ServerSessionOptions}).
 */
export type ServerSessionConfig = Omit<ShopperSessionConfig, 'storage' | 'coordination'>

/** Where one request's session lives: its cookies, or a storage the app made for this request. */
export type ServerSessionOptions =
  | {
      /** The request's `Cookie` header or headers (`null` on a first visit). */
      cookies: CookieSource
      /** Cookie attributes (`secure: false` for plain-HTTP development). */
      cookie?: ServerCookieOptions
      storage?: undefined
    }
  | {
      /** A storage for this request only; a storage shared across requests leaks tokens. */
      storage: StorageAdapter
      cookies?: undefined
      cookie?: undefined
    }

/** A shopper session for one request. */
export interface ServerSession extends ShopperSession {
  /**
   * `Set-Cookie` values for the response: what this request changed. Empty when nothing changed,
   * or when the session runs on an app-given storage without `setCookieHeaders`.
   */
  setCookieHeaders(): string[]
  /**
   * A registered session for `loginId` through trusted system on behalf (needs a private client:
   * `clientSecret` and the `sfcc.ts_ext_on_behalf_of` scope). From an idle guest session only.
   */
  loginOnBehalf(loginId: string): Promise<void>
}

// A request cannot wait out the browser policy (1 s doubling to 60 s, 8 retries): one quick retry,
// then the handler hears the coded error and can render without a shopper.
const SERVER_RETRY: RetryPolicy = { baseDelayMs: 250, maxDelayMs: 1_000, maxAttempts: 1 }

const LABEL = 'Invalid server session'

/**
 * Checks a server session config once (e.g. when a handler is built): the session config itself,
 * and no `storage` or `coordination` in it, since those would be shared by every request.
 */
export function checkServerConfig(config: ServerSessionConfig): void {
  rejectShared(config)
  resolveSessionConfig(config)
}

function rejectShared(config: ServerSessionConfig): void {
  if (typeof config !== 'object' || config === null) return // the session config check says why
  const fields = config as ShopperSessionConfig
  for (const field of ['storage', 'coordination'] as const) {
    if (fields[field] === undefined) continue
    const hint =
      field === 'storage'
        ? 'pass it per request as createServerSession(config, { storage })'
        : 'each request gets its own'
    throw new ShopperSessionError(
      'invalid_config',
      `${LABEL} config: ${field}: must not be shared across requests; ${hint}`,
    )
  }
}

/** The cookie storage for `options`; its option errors become `invalid_config`. */
export function cookieStorage(
  source: CookieSource,
  options?: ServerCookieOptions,
): ServerCookieStorage {
  try {
    return createServerCookieStorage(source, options)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new ShopperSessionError('invalid_config', `${LABEL} cookie options: ${error.message}`)
  }
}

function hasSetCookieHeaders(storage: StorageAdapter): storage is ServerCookieStorage {
  return typeof (storage as Partial<ServerCookieStorage>).setCookieHeaders === 'function'
}

/**
 * Creates the session of one request. Nothing is sent until the session is used (`ready()`,
 * `getAccessToken()`, `fetch`, `login()`, …); a stored session that is still valid costs no
 * request at all. Concurrent requests of one shopper whose access token expired share one
 * refresh. Call `stop()` when the request is done, then send
 * {@link ServerSession.setCookieHeaders}.
 * Throws `invalid_config` naming the bad field.
 *
 * @example
 * ```ts
 * const session = createServerSession(config, { cookies: request.headers })
 * try {
 *   const token = await session.getAccessToken()
 *   // … render with the token …
 * } finally {
 *   session.stop()
 * }
 * for (const value of session.setCookieHeaders()) response.headers.append('set-cookie', value)
 * ```
 */
export function createServerSession(
  config: ServerSessionConfig,
  options: ServerSessionOptions,
): ServerSession {
  rejectShared(config)
  const given = typeof options === 'object' && options !== null ? options : undefined
  const hasCookies = given !== undefined && 'cookies' in given
  const hasStorage = given?.storage !== undefined
  if (hasCookies === hasStorage) {
    throw new ShopperSessionError(
      'invalid_config',
      `${LABEL} options: pass either cookies (the request's Cookie header, or null) or storage`,
    )
  }
  const storage = given?.storage ?? cookieStorage(given?.cookies, given?.cookie)
  // Refresh tokens are unique anyway; the scope keeps two SLAS clients' tables apart regardless.
  const { baseUrl, shortCode, organizationId, clientId, retry } = config
  const scope = [baseUrl ?? shortCode, organizationId, clientId].join('\n')
  // A malformed `retry` passes through unchanged so the session config check can name it.
  const mergeable = retry === undefined || (typeof retry === 'object' && retry !== null)
  const retryPolicy = mergeable ? { ...SERVER_RETRY, ...retry } : retry
  const session = createShopperSession(
    {
      ...config,
      retry: retryPolicy,
      storage,
      coordination: createInProcessCoordination(),
    },
    {
      proactiveRefresh: false,
      shareRefresh: scopedSharing(serverRefreshes, scope),
      // Only this entry wires trusted system on behalf: the browser bundle never carries it.
      trustedSystem: getTrustedSystemAccessToken,
    },
  )
  const setCookieHeaders = () => (hasSetCookieHeaders(storage) ? storage.setCookieHeaders() : [])
  // Extended in place: `start()` returns the session object itself, so it must be this one.
  const loginOnBehalf = async (loginId: string) => {
    // SLAS answers `guest` with guest tokens; a guest session already is one.
    if (typeof loginId !== 'string' || !loginId.trim() || loginId.toLowerCase() === 'guest') {
      const message = 'loginOnBehalf: loginId must be a shopper login (not empty, not "guest")'
      throw new ShopperSessionError('bad_request', message, { operation: 'loginOnBehalf' })
    }
    await signIn(session.actor, session.ready, { type: 'login.onBehalf', loginId })
  }
  return Object.assign(session, { setCookieHeaders, loginOnBehalf })
}

/** Refreshes in flight in this process (for metrics; 0 when idle). */
export function serverRefreshesInFlight(): number {
  return serverRefreshes.inFlight()
}
