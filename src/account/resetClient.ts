/**
 * `createPasswordResetClient`: the browser half of password reset. It calls the endpoint of
 * `createPasswordResetHandler` and turns its answers back into `ShopperSessionError`s with the
 * same codes, so the password reset statechart branches on codes wherever the work happens.
 * Browser-safe on purpose: no server code, no zod, no `node:` import (a bundle test checks it).
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { refusal } from '../scapi/endpointRefusal.ts'
import { mapFetchFailure } from '../scapi/fetchFailure.ts'
import type { PasswordResetCallOptions, PasswordResetPort } from './resetPort.ts'
import { CSRF_HEADER, CSRF_HEADER_VALUE, type PasswordResetBody } from './resetWire.ts'

/** Options of {@link createPasswordResetClient}. */
export interface PasswordResetClientOptions {
  /** The endpoint's URL, e.g. `/api/password-reset` (relative URLs resolve against the page). */
  endpoint: string | URL
  /** The fetch to use. Default: the global `fetch`, read at call time. */
  fetch?: typeof fetch
  /** Extra request headers (the client's own win on a clash). */
  headers?: Record<string, string>
}

function configError(reason: string): ShopperSessionError {
  const message = `Invalid password reset client options: ${reason}`
  return new ShopperSessionError('invalid_config', message)
}

/**
 * Creates the client. Every call is a `POST` with `content-type: application/json` and the
 * `x-shopper-session: 1` header the endpoint requires; any 2xx resolves. A refusal rejects with
 * the endpoint's code (`not_found`, `invalid_reset_token`, `weak_password`, `rate_limited` with
 * `retryAfterMs`, `forbidden`, `bad_request`, `server_error`, `maintenance`, `timeout`); no answer
 * at all is `network`, `timeout` or `aborted`; an answer without a problem body is
 * `rate_limited` (429), `server_error` (5xx) or `invalid_response`.
 *
 * @example
 * ```ts
 * const reset = createPasswordResetClient({ endpoint: '/api/password-reset' })
 * await reset.requestToken(login)
 * // on the page the e-mailed link opens:
 * await reset.resetPassword({ login, token, newPassword })
 * ```
 */
export function createPasswordResetClient(options: PasswordResetClientOptions): PasswordResetPort {
  const given = typeof options === 'object' && options !== null ? options : undefined
  const endpoint = given?.endpoint
  if (!(endpoint instanceof URL) && (typeof endpoint !== 'string' || endpoint === '')) {
    throw configError('endpoint: must be a URL or a non-empty string')
  }
  if (given?.fetch !== undefined && typeof given.fetch !== 'function') {
    throw configError('fetch: must be a function')
  }
  // Read the global lazily so test spies and late polyfills apply.
  const fetcher: typeof fetch = given?.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const extra = given?.headers ?? {}

  const call = async (
    operation: string,
    body: PasswordResetBody,
    { signal }: PasswordResetCallOptions = {},
  ): Promise<void> => {
    let response: Response
    try {
      signal?.throwIfAborted()
      response = await fetcher(endpoint, {
        method: 'POST',
        headers: {
          ...extra,
          accept: 'application/json',
          'content-type': 'application/json',
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
        },
        body: JSON.stringify(body),
        ...(signal === undefined ? {} : { signal }),
      })
    } catch (error) {
      throw mapFetchFailure(operation, error, signal)
    }
    if (response.status >= 200 && response.status <= 299) {
      // Drained so the connection is released; a success carries nothing to read.
      await response.text().catch(() => undefined)
      return
    }
    throw await refusal(operation, response, signal)
  }

  return {
    requestToken: (login, callOptions) =>
      call('getResetPasswordToken', { action: 'request', login }, callOptions),
    resetPassword: ({ login, token, newPassword }, callOptions) =>
      call('resetPassword', { action: 'reset', login, token, newPassword }, callOptions),
  }
}
