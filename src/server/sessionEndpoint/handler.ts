/**
 * `createSessionEndpoint`: the server half of a server-held (BFF) session, as a web-standard
 * `(Request) => Promise<Response>`. The shopper's tokens stay in the sealed HttpOnly cookies of
 * the request's server session; the browser's remote session (`shopper-session/remote`) reads
 * the state, borrows the access token for direct SCAPI calls, and asks the server to log in,
 * register and log out.
 *
 * @module
 */
import * as z from 'zod/mini'
import type { ServerCookieOptions } from '../../../adapters/storage/serverCookie.ts'
import { isShopperSessionError } from '../../errors.ts'
import { createSafeLogger, type Logger } from '../../logger.ts'
import type { DehydratedSession, SessionTokenAnswer } from '../../remote/wire.ts'
import { parseConfig } from '../../scapi/configFields.ts'
import { issueDetails } from '../../scapi/issueDetails.ts'
import { guardCall } from '../endpointGuard.ts'
import { endpointOptionFields, proxyHops } from '../endpointOptions.ts'
import { serveWithSession } from '../handler.ts'
import { createClientKey, type PasswordResetRequestInfo } from '../passwordReset/clientKey.ts'
import { positiveInteger, ruleField } from '../passwordReset/config.ts'
import { createOriginPolicy } from '../passwordReset/cors.ts'
import { failureSummary, problemResponse } from '../passwordReset/problem.ts'
import { createRateLimiter, type RateLimitRule } from '../passwordReset/rateLimit.ts'
import {
  checkServerConfig,
  cookieStorage,
  type ServerSession,
  type ServerSessionConfig,
} from '../session.ts'
import { dehydrateSession } from './dehydrate.ts'
import { readCall, type SessionCall } from './input.ts'
import { sessionProblemFor } from './problem.ts'

/** What the runtime knows about a request beyond the `Request` (the peer's address). */
export type SessionEndpointRequestInfo = PasswordResetRequestInfo

/** The rate limit of logins and registrations. */
export interface SessionEndpointRateLimits {
  /**
   * Login and registration attempts per client key (IP address, see `trustProxy`), counted
   * together. Default 30 per 15 minutes; `false`: none.
   */
  perClient?: RateLimitRule | false
  /** The most keys the limiter keeps (default 10 000): memory stays bounded. */
  maxKeys?: number
}

/** Options of {@link createSessionEndpoint}. */
export interface SessionEndpointOptions {
  /** Cookie attributes of the session cookies (`secure: false` for plain-HTTP development). */
  cookie?: ServerCookieOptions
  /**
   * Origins besides the request's own that may call from a browser, with cookies
   * (`Access-Control-Allow-Credentials`), each exactly as a browser sends it. A listed origin
   * can read the shopper's access token: list only your own storefronts.
   */
  allowedOrigins?: readonly string[]
  /** The per-client key of a login or registration (default: the IP address, see `trustProxy`). */
  clientKey?: (request: Request, info: SessionEndpointRequestInfo) => string | undefined
  /** How many reverse proxies append to `X-Forwarded-For` (`true` = 1), as for password reset. */
  trustProxy?: boolean | number
  /** Rate limits of logins and registrations; `false` when a gateway limits already. */
  rateLimit?: SessionEndpointRateLimits | false
  /** The largest body accepted (bytes); default 16 384. */
  maxBodyBytes?: number
  /** Gets a redacted line for each 5xx answer (code, operation, status). Default `console`. */
  logger?: Logger | null
}

/** The session endpoint. */
export type SessionEndpoint = (
  request: Request,
  info?: SessionEndpointRequestInfo,
) => Promise<Response>

const LABEL = 'session endpoint options'
const DEFAULT_MAX_BODY_BYTES = 16_384
/** The default per-client limit of logins and registrations: 30 per 15 minutes. */
const DEFAULT_PER_CLIENT: RateLimitRule = { limit: 30, windowMs: 15 * 60_000 }

const OptionsSchema = z.object({
  ...endpointOptionFields,
  cookie: z.optional(
    z.custom<ServerCookieOptions>((value) => typeof value === 'object', 'must be an object'),
  ),
  rateLimit: z.optional(
    z.object({
      perClient: ruleField,
      maxKeys: z.optional(z.custom<number>(positiveInteger, 'must be an integer ≥ 1')),
    }),
  ),
})

/**
 * A usable access token. A refused refresh token ends the registered session, and a guest session
 * starts at once (tagged `reauthRequired`): the caller gets that guest's token, and the state it
 * receives alongside says what happened.
 */
async function usableToken(session: ServerSession, force: boolean): Promise<string> {
  try {
    return await session.getAccessToken({ force })
  } catch (error) {
    if (!isShopperSessionError(error, 'invalid_grant', 'credentials_changed')) throw error
    return session.getAccessToken()
  }
}

/** The token answer: the access token and its remaining life, never the refresh token. */
function tokenAnswer(
  session: ServerSession,
  accessToken: string,
  now: () => number,
): SessionTokenAnswer {
  const tokens = session.getTokens()
  const expiresAt = tokens?.accessToken === accessToken ? tokens.accessExpiresAt : now()
  return {
    accessToken,
    expiresInMs: Math.max(0, expiresAt - now()),
    state: dehydrateSession(session),
  }
}

async function perform(
  session: ServerSession,
  call: SessionCall,
  now: () => number,
): Promise<DehydratedSession | SessionTokenAnswer> {
  switch (call.action) {
    case 'state':
      // A valid token, not just a restored one: the state then says `tokenValid` truthfully.
      await usableToken(session, false)
      break
    case 'token':
      return tokenAnswer(session, await usableToken(session, call.force), now)
    case 'login':
      await session.login({ username: call.username, password: call.password })
      break
    case 'register':
      await session.register({ customer: call.customer, password: call.password })
      break
    case 'logout':
      await session.logout({ allSessions: call.allSessions, remote: call.remote })
      break
  }
  return dehydrateSession(session)
}

/**
 * Creates the session endpoint. Mount it on one URL for `GET`, `POST` and `OPTIONS`; the path is
 * not read. Every call needs the `x-shopper-session: 1` header, and a `POST`
 * `content-type: application/json` (the password reset endpoint's CSRF rules).
 *
 * - `GET`: the session's state ({@link DehydratedSession}: shopper, tags, no token); a first
 *   visit starts a guest session.
 * - `POST { action: 'token', force? }`: `{ accessToken, expiresInMs, state }`, for the browser's
 *   direct SCAPI calls. Never the refresh token; answers are `Cache-Control: no-store`.
 * - `POST { action: 'login', username, password }`, `{ action: 'register', customer, password }`,
 *   `{ action: 'logout', allSessions?, remote? }`: the server session does the SLAS work; the
 *   answer is the new state.
 *
 * Cookies the session changed go out as `Set-Cookie` on the answer (sealed, HttpOnly). A refusal
 * is JSON `{ code, message, retryAfterMs?, state? }` (`ShopperSessionError` codes; `state` when
 * the server session has one): 400 `bad_request`/`weak_password`, 401
 * `invalid_credentials`/`invalid_grant`, 403 `forbidden` (CSRF checks) or `account_locked`, 405,
 * 409 `login_taken`/`conflict`, 413, 429 `rate_limited` with `Retry-After`, 502 `server_error`,
 * 503 `maintenance`, 504 `timeout`. Upstream detail never reaches the browser. Throws
 * `invalid_config` for a bad config (cookie secrets required) or bad options.
 *
 * @example
 * ```ts
 * import { createSessionEndpoint } from 'shopper-session/server'
 *
 * const endpoint = createSessionEndpoint({ ...slasConfig, cookieSecrets: [cookieSecret] })
 * // Next.js: app/api/session/route.ts
 * export const GET = (request: Request) => endpoint(request)
 * export const POST = GET
 * ```
 */
export function createSessionEndpoint(
  config: ServerSessionConfig,
  options: SessionEndpointOptions = {},
): SessionEndpoint {
  // `rateLimit: false` is read as no limit, so one object schema names a nested bad field.
  const given =
    typeof options === 'object' && options !== null && options.rateLimit === false
      ? { ...options, rateLimit: { perClient: false as const } }
      : options
  const value = parseConfig(LABEL, OptionsSchema, given, issueDetails)
  checkServerConfig(config, true)
  cookieStorage(null, value.cookie)
  const origins = createOriginPolicy(value.allowedOrigins, {
    label: LABEL,
    methods: 'GET, POST',
    credentials: true,
  })
  const clientKey = createClientKey(value.clientKey, proxyHops(value.trustProxy))
  const now = config.now ?? (() => Date.now())
  const perClient = value.rateLimit?.perClient ?? DEFAULT_PER_CLIENT
  const maxKeys = value.rateLimit?.maxKeys
  const limiter =
    perClient === false ? undefined : createRateLimiter({ ...perClient, maxKeys, now })
  const log = createSafeLogger(value.logger === null ? undefined : (value.logger ?? console))
  const rules = {
    name: 'session endpoint',
    methods: ['GET', 'POST'] as const,
    maxBodyBytes: value.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  }
  const serve = { ...(value.cookie ? { cookie: value.cookie } : {}) }

  const refuse = (error: unknown, headers: Record<string, string>, state: object = {}) => {
    const problem = sessionProblemFor(error)
    if (problem.serverFault) {
      log.warn(
        `[shopper-session] session endpoint answered ${problem.status}`,
        failureSummary(error),
      )
    }
    return problemResponse(problem, headers, state)
  }

  /** 0 when a credential call of this client may go on (and charges it), else the wait (ms). */
  const admit = (request: Request, info: SessionEndpointRequestInfo): number => {
    const key = limiter && clientKey(request, info)
    if (limiter === undefined || key === undefined) return 0
    const wait = limiter.check(key)
    if (wait === 0) limiter.hit(key)
    return wait
  }

  return async (request, info = {}) => {
    const guarded = await guardCall(request, origins, rules)
    if (!guarded.ok) return guarded.response
    const { headers } = guarded
    let call: SessionCall
    try {
      call = readCall(request.method, guarded.body)
      if (call.action === 'login' || call.action === 'register') {
        const wait = admit(request, info)
        if (wait > 0) {
          const problem = { status: 429, code: 'rate_limited' as const, retryAfterMs: wait }
          return problemResponse(
            { ...problem, message: 'Too many attempts; try again later.' },
            headers,
          )
        }
      }
    } catch (error) {
      return refuse(error, headers)
    }
    return serveWithSession(config, serve, request, async (session) => {
      try {
        return Response.json(await perform(session, call, now), { headers })
      } catch (error) {
        // The state after the failure: a failed login leaves the guest session it started.
        const state = session.getShopper() ? { state: dehydrateSession(session) } : {}
        return refuse(error, headers, state)
      }
    })
  }
}
