/**
 * Maps a failed HTTP answer from SLAS or SCAPI to a {@link ShopperSessionError} with a stable code:
 * the client's side of the "assumed wire shapes" table (README). The emulator implements the other
 * side on its own, so nothing here is shared with it. Reading the answer is `failedAnswer.ts`,
 * choosing the code `errorCodeRules.ts`; this module says which calls authenticate a client and
 * words the error.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { chooseCode } from './errorCodeRules.ts'
import { type ErrorTags, SHOPPER_TAGS } from './errorTags.ts'
import { type HeaderReader, readFailedAnswer } from './failedAnswer.ts'
import { retryAfterMs } from './retryAfter.ts'
import { cleanServerText } from './serverText.ts'

export { mapFetchFailure } from './fetchFailure.ts'
export { type ErrorTags, SHOPPER_TAGS } from './errorTags.ts'

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
  return mapAnswer(input, authenticatesClient(input), read, SHOPPER_TAGS)
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
  return mapAnswer(input, clientAuth, (name) => headers.get(name), tags)
}

/**
 * Reads the answer, chooses its code (`clientAuth`: see `RuleContext`) and words the error:
 * `{operation} failed: {status} {server text}`, the server's text redacted and cut (an unexpected
 * status without any says so), and the wait a server asked for (the rate-limit reset counts for
 * `rate_limited` only).
 */
function mapAnswer(
  input: ErrorResponseInput,
  clientAuth: boolean,
  header: HeaderReader,
  tags: ErrorTags = {},
): ShopperSessionError {
  const { operation, status } = input
  const answer = readFailedAnswer(operation, status, input.body, header)
  const code = chooseCode(answer, { clientAuth, tags })
  const serverMessage = cleanServerText(answer.summary)
  const what = serverMessage ?? (code === 'invalid_response' ? 'unexpected status' : '')
  const reset = code === 'rate_limited' ? answer.rateLimitReset : undefined
  return new ShopperSessionError(code, `${operation} failed: ${status} ${what}`.trimEnd(), {
    status,
    operation,
    serverError: cleanServerText(answer.tag, 100),
    serverMessage,
    retryAfterMs: retryAfterMs(answer.retryAfter, reset, input.now ?? Date.now),
  })
}
