/**
 * Per-request shopper sessions on a server: storage from the request's cookies, sealed with the
 * app's secrets (or a storage the app gives), in-process coordination of its own, no proactive
 * timer, one refresh per refresh token across the whole process, and the shopper's identity taken
 * from the access token verified against SLAS's keys.
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
import { checkCookieSecrets, cookieSealer, MIN_SECRET_LENGTH } from './cookieSeal.ts'
import { scopedSharing, serverRefreshes } from './refreshSharing.ts'
import { type CookieBackedStorage, sealedCookieStorage } from './sealedStorage.ts'
import { identifierFor } from './tokenIdentity.ts'

/**
 * Options of a server session: those of `createShopperSession` without `storage` and
 * `coordination`, which belong to one request (see {@link ServerSessionOptions}), plus the
 * secrets that seal the session cookies.
 */
export interface ServerSessionConfig extends Omit<
  ShopperSessionConfig,
  'storage' | 'coordination'
> {
  /**
   * Secrets that seal the session cookies (authenticated encryption: the browser can neither
   * read nor edit them). Required whenever sessions live in cookies (`withShopperSession`,
   * `createServerSession(config, { cookies })`); each at least 32 characters, e.g.
   * `openssl rand -base64 48`. The first seals, all of them open: to rotate, put the new secret
   * first and keep the old one until its cookies have come back (they are sealed again with the
   * new one as they are read), at most the cookie lifetime (90 days). A cookie sealed with a
   * secret that is no longer listed is refused (`storage.corrupt`, code `tampered`) and the
   * shopper starts as a guest. Never log them and keep them out of browser bundles.
   */
  cookieSecrets?: readonly string[]
}

/** Where one request's session lives: its cookies, or a storage the app made for this request. */
export type ServerSessionOptions =
  | {
      /**
       * The request's `Cookie` header, its `Headers`, or Node's/Express's plain `req.headers`
       * (`null` on a first visit). Needs `cookieSecrets` in the config.
       */
      cookies: CookieSource
      /** Cookie attributes (`secure: false` for plain-HTTP development). */
      cookie?: ServerCookieOptions
      storage?: undefined
    }
  | {
      /**
       * A storage for this request only; a storage shared across requests leaks tokens. Stored
       * as is (not sealed): keep it where shoppers cannot write. The shopper's identity is still
       * taken from the verified access token.
       */
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

// A request cannot wait out the browser policy (1 s doubling to 60 s, 8 retries): two quick
// retries ride out a blip (a single 503), then the handler hears the coded error and can render
// without a shopper. Callers wait through the retries, at most SERVER_WAIT_MS.
const SERVER_RETRY: RetryPolicy = { baseDelayMs: 250, maxDelayMs: 1_000, maxAttempts: 2 }

/** How long a request waits for its session while transient failures are retried (ms). */
const SERVER_WAIT_MS = 10_000

const LABEL = 'Invalid server session'

/**
 * Checks a server session config once (e.g. when a handler is built): the session config itself,
 * no `storage` or `coordination` in it (they would be shared by every request), and the cookie
 * secrets when `cookies` is true (sessions will live in cookies) or when they are given.
 */
export function checkServerConfig(config: ServerSessionConfig, cookies = false): void {
  rejectShared(config)
  resolveSessionConfig(sessionConfig(config))
  if (cookies || config.cookieSecrets !== undefined) cookieSecretsOf(config)
}

/** The config without the server's own fields, as `createShopperSession` takes it. */
function sessionConfig(config: ServerSessionConfig): ShopperSessionConfig {
  if (typeof config !== 'object' || config === null) return config
  const { cookieSecrets: _secrets, ...rest } = config
  return rest
}

// Secret arrays already checked: a config reused for every request is checked once.
const checkedSecrets = new WeakSet<readonly string[]>()

/** The config's cookie secrets, checked; `invalid_config` when missing or too short. */
function cookieSecretsOf(config: ServerSessionConfig): readonly string[] {
  const secrets = (config as { cookieSecrets?: unknown }).cookieSecrets
  if (secrets === undefined) {
    throw new ShopperSessionError(
      'invalid_config',
      `${LABEL} config: cookieSecrets: required to seal session cookies (one or more secrets ` +
        `of at least ${MIN_SECRET_LENGTH} characters); or give each request its own storage`,
    )
  }
  if (Array.isArray(secrets) && checkedSecrets.has(secrets)) return secrets
  const checked = checkCookieSecrets(secrets, 'cookieSecrets')
  checkedSecrets.add(checked)
  return checked
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

/**
 * The (unsealed) cookie storage for `source` and `options`; its argument errors (a `cookies`
 * value that holds no headers, a wrongly typed or invalid cookie option) become `invalid_config`.
 */
export function cookieStorage(
  source: CookieSource,
  options?: ServerCookieOptions,
): ServerCookieStorage {
  try {
    return createServerCookieStorage(source, options)
  } catch (error) {
    // Only the adapter's own argument checks (their messages start with its name).
    const ours = error instanceof RangeError || error instanceof TypeError
    if (!ours || !error.message.startsWith('serverCookie:')) throw error
    const what = error instanceof TypeError ? 'options: cookies' : 'cookie options'
    throw new ShopperSessionError('invalid_config', `${LABEL} ${what}: ${error.message}`)
  }
}

function hasSetCookieHeaders(storage: StorageAdapter): storage is CookieBackedStorage {
  return typeof (storage as Partial<CookieBackedStorage>).setCookieHeaders === 'function'
}

/**
 * Creates the session of one request. Nothing is sent until the session is used (`ready()`,
 * `getAccessToken()`, `fetch`, `login()`, …); a stored session that is still valid costs no
 * SLAS request (its access token is checked against SLAS's keys, fetched once per process and
 * cached). Concurrent requests of one shopper whose access token expired share one refresh.
 * Call `stop()` when the request is done, then send {@link ServerSession.setCookieHeaders}.
 *
 * With `cookies`, the session lives in cookies sealed with `config.cookieSecrets` (required): a
 * cookie that was edited, sealed with an unknown secret or pieced together from two cookies is
 * dropped (`storage.corrupt` with code `tampered`) and the shopper starts as a guest. Whatever the
 * storage, who the shopper is (`getTokens()`: customer type, id, login, usid) comes from the
 * access token verified against SLAS's JWKS, never from a stored field.
 * Throws `invalid_config` naming the bad field.
 *
 * @example
 * ```ts
 * const config = { ...slasConfig, cookieSecrets: [cookieSecret] } // 32+ characters
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
  // Not an object: the session config check says so (invalid_config), before any field is read.
  if (typeof config !== 'object' || config === null) resolveSessionConfig(config)
  rejectShared(config)
  const given = typeof options === 'object' && options !== null ? options : undefined
  const hasCookies = given !== undefined && 'cookies' in given
  const hasStorage = given?.storage !== undefined
  if (hasCookies === hasStorage) {
    throw new ShopperSessionError(
      'invalid_config',
      `${LABEL} options: pass either cookies (the request's Cookie header or headers, or null) ` +
        'or storage',
    )
  }
  let storage: StorageAdapter
  if (given?.storage) {
    if (config.cookieSecrets !== undefined) cookieSecretsOf(config) // wrong secrets are a bug
    storage = given.storage
  } else {
    const cookies = cookieStorage(given?.cookies, given?.cookie)
    storage = sealedCookieStorage(cookies, cookieSealer(cookieSecretsOf(config)))
  }
  // Refresh tokens are unique anyway; the scope keeps two SLAS clients' tables apart regardless.
  const { baseUrl, shortCode, organizationId, clientId, retry } = config
  const scope = [baseUrl ?? shortCode, organizationId, clientId].join('\n')
  // A malformed `retry` passes through unchanged so the session config check can name it.
  const mergeable = retry === undefined || (typeof retry === 'object' && retry !== null)
  const retryPolicy = mergeable ? { ...SERVER_RETRY, ...retry } : retry
  const setCookieHeaders = () => (hasSetCookieHeaders(storage) ? storage.setCookieHeaders() : [])
  return createShopperSession(
    {
      waitTimeoutMs: SERVER_WAIT_MS,
      ...sessionConfig(config),
      retry: retryPolicy,
      storage,
      coordination: createInProcessCoordination(),
    },
    {
      proactiveRefresh: false,
      shareRefresh: scopedSharing(serverRefreshes, scope),
      // Only this entry wires trusted system on behalf: the browser bundle never carries it.
      trustedSystem: getTrustedSystemAccessToken,
      // Whose session this is comes from the verified access token, never from a stored field.
      // Resolved on first use: the session has checked the config by then.
      identify: (accessToken) => identifierFor(config)(accessToken),
      extend: (session) => ({
        setCookieHeaders,
        async loginOnBehalf(loginId: string) {
          // SLAS answers `guest` with guest tokens; a guest session already is one.
          if (typeof loginId !== 'string' || !loginId.trim() || loginId.toLowerCase() === 'guest') {
            const message = 'loginOnBehalf: loginId must be a shopper login (not empty, not "guest")'
            throw new ShopperSessionError('bad_request', message, { operation: 'loginOnBehalf' })
          }
          const event = { type: 'login.onBehalf', loginId } as const
          await signIn(session.actor, session.ready, event, loginId)
        },
      }),
    },
  )
}

/** Refreshes in flight in this process (for metrics; 0 when idle). */
export function serverRefreshesInFlight(): number {
  return serverRefreshes.inFlight()
}
