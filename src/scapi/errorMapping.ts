/**
 * Maps a failed HTTP answer from SLAS or SCAPI to a {@link ShopperSessionError} with a stable code:
 * the client's side of the "assumed wire shapes" table (README). The emulator implements the other
 * side on its own, so nothing here is shared with it.
 *
 * @module
 */
import { type ErrorCode, ShopperSessionError } from '../errors.ts'
import { retryAfterMs } from './retryAfter.ts'
import { cleanServerText } from './serverText.ts'

export { mapFetchFailure } from './fetchFailure.ts'

/** The APIs whose answers are mapped here. */
export type ApiName = 'slas' | 'customers' | 'baskets' | 'accountManager'

/** A failed response, as plain data (a `Response` is not needed, so tests can build one freely). */
export interface ErrorResponseInput {
  /** The SLAS or SCAPI operationId, e.g. `getAccessToken`. */
  operation: string
  /**
   * The API that answered. operationIds are only unique within one API (SLAS and Shopper
   * Customers both have a `resetPassword`), so the clients always say which API they called.
   * Without it the operationId alone decides, read as SLAS or Account Manager when it names one.
   */
  api?: ApiName
  status: number
  headers?: Headers | Record<string, string>
  /** The body: raw text (parsed here when it is JSON) or an already parsed value. */
  body?: unknown
  /** Clock for `Retry-After` dates; defaults to `Date.now`. */
  now?: () => number
}

// SLAS operations whose 401 means "the client (id/secret/strict auth) was refused". Everything else
// (SCAPI, and SLAS calls made with a shopper's Bearer token) gets `invalid_token` for a 401.
// `resetPassword` is also a Shopper Customers operationId (an Account Manager Bearer call): only
// the SLAS one belongs here, hence the sets per API.
const SLAS_CLIENT_AUTH_OPERATIONS: ReadonlySet<string> = new Set([
  'authorizeCustomer',
  'authenticateCustomer',
  'getAccessToken',
  'getTrustedSystemAccessToken',
  'getTrustedAgentAuthorizationToken',
  'getTrustedAgentAccessToken',
  'getSessionBridgeAccessToken',
  'revokeToken',
  'introspectToken',
  'getPasswordResetToken',
  'resetPassword',
  'authorizePasswordlessCustomer',
  'getPasswordLessAccessToken',
  'getWellknownOpenidConfiguration',
  'getJwksUri',
])

// Account Manager client credentials: a 401 refuses the AM client id/secret.
const ACCOUNT_MANAGER_CLIENT_AUTH_OPERATIONS: ReadonlySet<string> = new Set([
  'getAccountManagerToken',
])

/** Whether a 401 of this operation refuses the API client itself (not a Bearer token). */
function authenticatesClient({ api, operation }: ErrorResponseInput): boolean {
  if (api === 'slas') return SLAS_CLIENT_AUTH_OPERATIONS.has(operation)
  if (api === 'accountManager') return ACCOUNT_MANAGER_CLIENT_AUTH_OPERATIONS.has(operation)
  if (api !== undefined) return false
  return (
    SLAS_CLIENT_AUTH_OPERATIONS.has(operation) ||
    ACCOUNT_MANAGER_CLIENT_AUTH_OPERATIONS.has(operation)
  )
}

/** OAuth `error` values or SCAPI problem+json type slugs (lower case) with a code of their own. */
export type ErrorTags = Readonly<Record<string, ErrorCode>>

// The tags of SLAS, Account Manager and the Shopper calls the session makes itself (registration,
// basket transfer).
const TAGS: ErrorTags = {
  invalid_grant: 'invalid_grant',
  invalid_client: 'invalid_client',
  unauthorized_client: 'invalid_client',
  invalid_token: 'invalid_token',
  'invalid-access-token': 'invalid_token',
  'authentication-failed': 'invalid_credentials',
  access_denied: 'forbidden',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  'login-already-in-use': 'login_taken',
  'invalid-password': 'weak_password',
  'basket-transfer-basket-already-exists-exception': 'conflict',
  too_many_requests: 'rate_limited',
  maintenance: 'maintenance',
  // 412 "Dependent service is not available.": a server-side outage, worth retrying later.
  precondition_failure: 'server_error',
}

/**
 * The slugs of the Shopper Customers and Baskets operations only their clients call (reference
 * c.5, d), passed in by those clients (and used by {@link mapErrorResponse}). A second open basket
 * is a clash with the server's state, not a malformed request, whatever its 400 says.
 */
export const SHOPPER_TAGS: ErrorTags = {
  'invalid-customer': 'forbidden',
  'not-found': 'not_found',
  'invalid-current-password': 'invalid_current_password',
  'invalid-reset-token': 'invalid_reset_token',
  'customer-baskets-quota-exceeded': 'conflict',
  'basket-not-found': 'not_found',
  'product-list-not-found': 'not_found',
  'no-source-basket-exception': 'conflict',
  'basket-merge-no-current-basket-exception': 'conflict',
}

/** A header of a `Headers` object or a plain record, by its lower-case name. */
function header(headers: ErrorResponseInput['headers'], name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return headers.get(name) ?? undefined
  }
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return value
  }
  return undefined
}

/** Reads a response header by its lower-case name. */
type HeaderReader = (name: string) => string | null | undefined

/**
 * Builds the {@link ShopperSessionError} for a non-2xx answer. Keys on the HTTP status plus the
 * SLAS `error`/`message`/`error_description` or the problem+json `type` slug/`detail`, so two 400s
 * stay apart; `sfdc_maintenance` wins over everything; `Retry-After` or `X-RateLimit-1M-Reset` give
 * `retryAfterMs`. Server text is redacted and cut; the message names the operation.
 *
 * @example
 * ```ts
 * const body = '{"message":"invalid refresh_token"}'
 * const error = mapErrorResponse({ operation: 'getAccessToken', status: 400, body })
 * // error.code: 'invalid_grant'
 * // error.message: 'getAccessToken failed: 400 invalid refresh_token'
 * ```
 * @see `auth-oas-v1-public.yaml` components `Oauth2ErrorResponse` and the error examples
 */
export function mapErrorResponse(input: ErrorResponseInput): ShopperSessionError {
  const read: HeaderReader = (name) => header(input.headers, name)
  return mapError(input, authenticatesClient(input), read, SHOPPER_TAGS)
}

/**
 * {@link mapErrorResponse} for a call of this package's own clients, which always say which API
 * they called (`input.api`), so no list of operations is needed; `tags` adds the slugs of their
 * operations (e.g. {@link SHOPPER_TAGS}).
 */
export function mapClientError(
  input: ErrorResponseInput & { headers: Headers },
  tags?: ErrorTags,
): ShopperSessionError {
  const { api, operation, headers } = input
  // What `authenticatesClient` says for the operations these clients call: every SLAS call but
  // the two made with a shopper's Bearer token, and the Account Manager token call.
  const clientAuth =
    api === 'slas' ? !/^(?:logoutCustomer|getUserInfo)$/.test(operation) : api === 'accountManager'
  return mapError(input, clientAuth, (name) => headers.get(name), tags)
}

// The mapping itself; `clientAuth`: whether a 401 refuses the API client, `tags`: the caller's.
function mapError(
  input: ErrorResponseInput,
  clientAuth: boolean,
  header: HeaderReader,
  tags: ErrorTags = {},
): ShopperSessionError {
  const { operation, status, body } = input
  let parsed = body
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body)
    } catch {
      // Not JSON: the text stays, and a string has no fields.
    }
  }
  const fields = (
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {}
  ) as Record<string, unknown>
  // Only non-blank strings count.
  const read = (key: string) => {
    const value = fields[key]
    return (typeof value === 'string' && value.trim()) || undefined
  }
  const error = read('error')
  // The human fields, the best description first.
  const human = ['message', 'error_description', 'detail', 'title'].map(read).filter(Boolean)
  const slug = read('type')?.replace(/\/+$/, '').split('/').pop()
  // OAuth `error` or the problem+json type slug, lower-cased.
  const tag = (error ?? slug)?.toLowerCase()
  // Every human field, lower-cased and joined for the keyword rules (never matched across fields).
  const text = human.join(' \n ').toLowerCase()

  // Own keys only: a tag such as `constructor` is no code.
  const tagged = tag && [TAGS, tags].find((table) => Object.hasOwn(table, tag))?.[tag]
  // A body that is not a JSON object with fields: an HTML gateway or maintenance page.
  const page = typeof body === 'string' && !Object.keys(fields).length ? body.slice(0, 4096) : ''

  // The rules in order, first match wins.
  const code = ((): ErrorCode => {
    if (header('sfdc_maintenance')?.trim()) return 'maintenance'
    // The spec documents a 303 from /logout as "rate limiting in effect".
    if (status === 429 || (status === 303 && operation === 'logoutCustomer')) return 'rate_limited'
    if (status >= 500 && status <= 599) {
      return tag === 'maintenance' || (status === 503 && /maintenance/i.test(text + page))
        ? 'maintenance'
        : 'server_error'
    }
    if (status < 400 || status > 499) return 'invalid_response'

    if (/credentials changed/.test(text)) return 'credentials_changed'
    if ((status === 401 || status === 403) && /\block(?:ed| ?out)\b/.test(text)) {
      return 'account_locked'
    }
    // SLAS answers a wrong shopper password on /login with its client-auth wording; a strict
    // client auth failure there says "Authorization failed." without "Basic".
    if (
      operation === 'authenticateCustomer' &&
      status === 401 &&
      /basic authorization failed/.test(text)
    ) {
      return 'invalid_credentials'
    }
    if (tagged) return tagged
    // Shopper Baskets' CustomerInfoJwtMismatch: a 400 `bad-request` whose detail says the basket
    // belongs to another customer than the token's (reference d), as `invalid-customer` does in
    // Shopper Customers.
    if (status === 400 && /\bthe customer is invalid\b/.test(text)) return 'forbidden'
    // E.g. SLAS's "invalid refresh_token" and "Bad or missing refresh token."
    if (/refresh[ _]token/.test(text) && /bad|missing|invalid|expired|revoked|used/.test(text)) {
      return 'invalid_grant'
    }
    if (/client[ _]id/.test(text)) return 'invalid_client'
    if (!clientAuth && (status === 401 || /access[ _]token/.test(text))) return 'invalid_token'
    if (status === 401) return 'invalid_client'
    if (status === 403) return 'forbidden'
    if (status === 404) return 'not_found'
    // Other 4xx statuses are `bad_request` (429 never gets this far).
    return status === 409 ? 'conflict' : 'bad_request'
  })()

  // Server text is redacted and cut; an unexpected status without one says so.
  const serverMessage = cleanServerText(human[0] ?? error ?? slug)
  const what = serverMessage ?? (code === 'invalid_response' ? 'unexpected status' : '')
  return new ShopperSessionError(code, `${operation} failed: ${status} ${what}`.trimEnd(), {
    status,
    operation,
    serverError: cleanServerText(tag, 100),
    serverMessage,
    retryAfterMs: retryAfterMs(
      header('retry-after'),
      code === 'rate_limited' ? header('x-ratelimit-1m-reset') : undefined,
      input.now ?? Date.now,
    ),
  })
}
