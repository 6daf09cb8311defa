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
import { createClientKey, type PasswordResetRequestInfo } from './clientKey.ts'
import { createOriginPolicy } from './cors.ts'
import { checkField } from './input.ts'
import { failureSummary, problemFor, problemResponse } from './problem.ts'
import type { PasswordResetService } from './service.ts'
import { type EndpointRules, guardCall } from '../endpointGuard.ts'
import { endpointOptionFields, proxyHops } from '../endpointOptions.ts'

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

const OptionsSchema = z.object(endpointOptionFields)

// One URL, POST only: the path is never read.
const rules = (maxBodyBytes: number): EndpointRules => ({
  name: 'password reset endpoint',
  methods: ['POST'],
  maxBodyBytes,
})

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
  const clientKey = createClientKey(value.clientKey, proxyHops(value.trustProxy))
  const log = createSafeLogger(value.logger === null ? undefined : (value.logger ?? console))

  const handle = async (request: Request, info: PasswordResetRequestInfo): Promise<Response> => {
    const call = await guardCall(request, origins, rules(maxBodyBytes))
    if (!call.ok) return call.response
    const { headers } = call
    const body = call.body ?? {}
    const refuse = (problem: Parameters<typeof problemResponse>[0]) =>
      problemResponse(problem, headers)

    try {
      // Inside the try: a custom clientKey that throws is a 500 like any other bug.
      const client = clientKey(request, info)
      const { action } = body
      if (action === 'request') {
        const login = checkField('getResetPasswordToken', 'login', body.login)
        await service.requestToken(login, { client })
      } else if (action === 'reset') {
        const operation = 'resetPassword'
        await service.resetPassword(
          {
            login: checkField(operation, 'login', body.login),
            token: checkField(operation, 'token', body.token),
            newPassword: checkField(operation, 'newPassword', body.newPassword),
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
        const data = failureSummary(error)
        log.warn(`[shopper-session] password reset answered ${problem.status}`, data)
      }
      return refuse(problem)
    }
    return new Response(null, { status: 204, headers })
  }

  return (request, info = {}) => handle(request, info)
}
