/**
 * `createPasswordResetHandler`: the password reset endpoint as a web-standard
 * `(Request) => Promise<Response>` (Hono, Next.js route handlers, Remix, Bun, Deno, Workers;
 * Express through a small adapter). One URL, `POST` with a JSON body naming the `action`; the
 * browser half is `createPasswordResetClient`.
 *
 * @module
 */
import * as z from 'zod/mini'
import { createSafeLogger, type Logger } from '../../logger.ts'
import { parseConfig } from '../../scapi/configFields.ts'
import { issueDetails } from '../../scapi/issueDetails.ts'
import { readJsonObject } from './body.ts'
import { createClientKey, type PasswordResetRequestInfo } from './clientKey.ts'
import { createOriginPolicy } from './cors.ts'
import { checkField } from './input.ts'
import { problemFor, problemResponse } from './problem.ts'
import type { PasswordResetService } from './service.ts'
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../account/resetWire.ts'

/** Options of {@link createPasswordResetHandler}. */
export interface PasswordResetHandlerOptions {
  /**
   * Origins besides the request's own that may call from a browser, each exactly as a browser
   * sends it, e.g. `['https://shop.example.com']`: no wildcard, path, trailing slash or default
   * port (`invalid_config` otherwise). Behind a proxy that rewrites the URL, list the public
   * origin.
   */
  allowedOrigins?: readonly string[]
  /**
   * The key the per-client limit counts under; `undefined`: no per-client limit for this call.
   * Default: the client's IP address (see `trustProxy`), IPv6 grouped by /64 and IPv4-mapped
   * IPv6 read as IPv4; no key when there is no address or it is not an IP address. A custom
   * key that is an IP address is normalised the same way; any other string is used as it is.
   */
  clientKey?: (request: Request, info: PasswordResetRequestInfo) => string | undefined
  /**
   * How many reverse proxies in front of the app append to `X-Forwarded-For` (`true` = 1). The
   * client is then the entry that many from the right, whatever `info.address` says (there it
   * is the nearest proxy); entries further left are whatever the client claimed. With fewer
   * entries than proxies (a call that went around them), the leftmost entry, else
   * `info.address`. Default: `X-Forwarded-For` is not read and the client is `info.address`.
   */
  trustProxy?: boolean | number
  /** The largest body accepted (bytes); default 16 384. Larger bodies get 413. */
  maxBodyBytes?: number
  /** Gets a redacted line for each 5xx answer (code, operation, status). Default `console`. */
  logger?: Logger | null
}

/** The password reset endpoint. */
export type PasswordResetHandler = (
  request: Request,
  info?: PasswordResetRequestInfo,
) => Promise<Response>

/** The service methods the handler calls (a `PasswordResetService`, or a stand-in). */
export type PasswordResetHandlerService = Pick<
  PasswordResetService,
  'requestToken' | 'resetPassword'
>

const LABEL = 'password reset handler options'
const DEFAULT_MAX_BODY_BYTES = 16_384

const OptionsSchema = z.object({
  allowedOrigins: z.optional(
    z.custom<readonly string[]>((value) => Array.isArray(value), 'must be an array of origins'),
  ),
  clientKey: z.optional(
    z.custom<NonNullable<PasswordResetHandlerOptions['clientKey']>>(
      (value) => typeof value === 'function',
      'must be a function',
    ),
  ),
  trustProxy: z.optional(
    z.custom<boolean | number>(
      (value) =>
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10),
      'must be a boolean or the number of proxies (1 to 10)',
    ),
  ),
  maxBodyBytes: z.optional(
    z.custom<number>(
      (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 1024 && value <= 1 << 20,
      'must be an integer from 1024 to 1048576',
    ),
  ),
  logger: z.optional(
    z.custom<Logger | null>((value) => typeof value === 'object', 'must be an object or null'),
  ),
})

function isJson(contentType: string | null): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  return media === 'application/json'
}

const forbidden = (message: string) => ({ status: 403, code: 'forbidden' as const, message })

/**
 * Creates the endpoint. Mount it on one URL for `POST` and `OPTIONS`; the path is not read. Bodies:
 * `{ action: 'request', login }` asks for a reset token (delivered by the service's
 * `deliverToken`), `{ action: 'reset', login, token, newPassword }` sets the password. Success is
 * `204` with no body (never the token); a refusal is JSON `{ code, message, retryAfterMs? }`: 400
 * bad input, `invalid_reset_token` or `weak_password`; 403 `forbidden` (a missing
 * `x-shopper-session: 1` header, a content type other than `application/json`, a refused Origin);
 * 404 `not_found` (unless the service is neutral); 405; 413; 429 `rate_limited` with
 * `Retry-After`; 500 when `deliverToken` throws (a neutral service answers 204 and logs it);
 * 502/503/504 when Account Manager or SCAPI fail. Throws `invalid_config` for bad options (an
 * `allowedOrigins` entry that is not an exact origin among them).
 *
 * @example
 * ```ts
 * // app/api/password-reset/route.ts (Next.js)
 * const handler = createPasswordResetHandler(service, { trustProxy: true })
 * export const POST = (request: Request) => handler(request)
 * export const OPTIONS = POST
 * ```
 */
export function createPasswordResetHandler(
  service: PasswordResetHandlerService,
  options: PasswordResetHandlerOptions = {},
): PasswordResetHandler {
  const value = parseConfig(LABEL, OptionsSchema, options, issueDetails)
  const origins = createOriginPolicy(value.allowedOrigins)
  const maxBodyBytes = value.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const hops = typeof value.trustProxy === 'number' ? value.trustProxy : value.trustProxy ? 1 : 0
  const clientKey = createClientKey(value.clientKey, hops)
  const log = createSafeLogger(value.logger === null ? undefined : (value.logger ?? console))

  const handle = async (request: Request, info: PasswordResetRequestInfo): Promise<Response> => {
    const origin = request.headers.get('origin')
    const cors = origins.responseHeaders(origin, request)
    const headers = { 'cache-control': 'no-store', ...cors }
    const refuse = (problem: Parameters<typeof problemResponse>[0], extra = {}) =>
      problemResponse(problem, { ...headers, ...extra })

    if (request.method === 'OPTIONS') {
      if (origin === null || !request.headers.has('access-control-request-method')) {
        return new Response(null, { status: 204, headers: { allow: 'OPTIONS, POST' } })
      }
      if (!origins.allows(origin, request)) {
        return refuse(forbidden('This origin may not call the password reset endpoint.'))
      }
      return new Response(null, { status: 204, headers: origins.preflightHeaders(origin) })
    }
    // A browser always sends Origin on a cross-origin POST; a missing one is a same-origin or
    // non-browser call, which the custom header below still has to pass.
    if (origin !== null && !origins.allows(origin, request)) {
      return refuse(forbidden('This origin may not call the password reset endpoint.'))
    }
    if (request.method !== 'POST') {
      const problem = { status: 405, code: 'bad_request' as const, message: 'Use POST.' }
      return refuse(problem, { allow: 'OPTIONS, POST' })
    }
    if (request.headers.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      return refuse(forbidden(`The ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} header is required.`))
    }
    if (!isJson(request.headers.get('content-type'))) {
      return refuse(forbidden('The content type must be application/json.'))
    }
    const body = await readJsonObject(request, maxBodyBytes)
    if (!body.ok) return refuse({ status: body.status, code: 'bad_request', message: body.message })

    try {
      // Inside the try: a custom clientKey that throws is a 500 like any other bug.
      const client = clientKey(request, info)
      const { action } = body.value
      if (action === 'request') {
        const login = checkField('getResetPasswordToken', 'login', body.value.login)
        await service.requestToken(login, { client })
      } else if (action === 'reset') {
        const operation = 'resetPassword'
        await service.resetPassword(
          {
            login: checkField(operation, 'login', body.value.login),
            token: checkField(operation, 'token', body.value.token),
            newPassword: checkField(operation, 'newPassword', body.value.newPassword),
          },
          { client },
        )
      } else {
        const message = 'action: must be "request" or "reset"'
        return refuse({ status: 400, code: 'bad_request', message })
      }
    } catch (error) {
      const problem = problemFor(error)
      if (problem.serverFault) {
        const data = error instanceof Error ? summary(error) : { thrown: typeof error }
        log.warn(`[shopper-session] password reset answered ${problem.status}`, data)
      }
      return refuse(problem)
    }
    return new Response(null, { status: 204, headers })
  }

  return (request, info = {}) => handle(request, info)
}

/**
 * What an operator needs from a failure; never its message (it may name the shopper). The code
 * goes under `errorCode`: the redacting logger hides any value under a key named `code`.
 */
function summary(error: Error): Record<string, unknown> {
  const { code, operation, status } = error as Error & Record<string, unknown>
  return { name: error.name, errorCode: code, operation, status }
}
