/**
 * Reading SLAS's authorization redirect (`/authorize`, `/login`): a 303 whose `Location` is
 * `{redirect_uri}?code=…&usid=…&state=…`. With `redirect: 'manual'` (Node, or an in-process
 * handler that never follows) the `Location` header is read; with `redirect: 'follow'` (browsers)
 * the final `response.url` is. Either way `status >= 400` or an `error` query parameter is a
 * failure, as in commerce-sdk-isomorphic (reference f.1).
 *
 * @module
 */
import type { ShopperSessionError } from '../errors.ts'
import type { ResolvedSlasConfig } from './config.ts'
import { mapClientError } from './errorMapping.ts'
import { operationError } from './operationError.ts'
import { errorFromResponse, isSuccess, type SlasRequest, sendTo, slasUrl } from './http.ts'

/** What an authorization redirect carries. */
export interface AuthorizationRedirect {
  /** The authorization code, to redeem at `/token`. */
  code: string
  /** The shopper's USID, when SLAS put one on the redirect. */
  usid: string | undefined
  /** The echoed `state`, when there was one. */
  state: string | undefined
}

function invalid(operation: string, reason: string, status: number): ShopperSessionError {
  return operationError('invalid_response', operation, ` failed: ${reason}`, status)
}

function discardBody(response: Response): void {
  // Frees the connection of an unread redirect body; failures do not matter.
  try {
    void response.body?.cancel().catch(() => undefined)
  } catch {
    // A locked or already-used body: nothing to free.
  }
}

function redirectTarget(operation: string, response: Response, requestUrl: URL): URL {
  const { status } = response
  const redirected = status >= 300 && status <= 399
  // Followed in a browser, the final URL is the redirect_uri with the code. An in-process handler
  // or a non-following fetch gives '' there.
  const target = redirected
    ? (response.headers.get('location') ?? '')
    : isSuccess(status) && response.url !== requestUrl.href
      ? response.url
      : ''
  if (target.trim() === '') {
    const reason = redirected
      ? `redirect ${status} without a Location header`
      : `expected a redirect, got status ${status}`
    throw invalid(operation, reason, status)
  }
  try {
    return new URL(target, requestUrl)
  } catch {
    throw invalid(operation, 'redirect to a location that is not a URL', status)
  }
}

/**
 * Sends an authorization request and reads the code, usid and state from its redirect. When
 * `expectedState` is given the echoed `state` must equal it (else `invalid_response`).
 */
export async function requestRedirect(
  config: ResolvedSlasConfig,
  request: SlasRequest,
  expectedState: string | undefined,
): Promise<AuthorizationRedirect> {
  const { operation, signal } = request
  const requestUrl = slasUrl(config, request.path, request.query)
  const response = await sendTo(config, requestUrl, request)
  const { status, headers } = response
  if (status === 0 || status >= 400) {
    throw await errorFromResponse(operation, response, signal, 'slas')
  }
  let target: URL
  try {
    target = redirectTarget(operation, response, requestUrl)
  } finally {
    discardBody(response)
  }
  const params = target.searchParams
  const error = params.get('error')
  if (error !== null) {
    const body = { error, error_description: params.get('error_description') }
    throw mapClientError({ operation, api: 'slas', status: 400, headers, body })
  }
  const code = params.get('code')
  if (!code) throw invalid(operation, 'redirect without a code', status)
  const state = params.get('state') ?? undefined
  if (expectedState !== undefined && state !== expectedState) {
    throw invalid(operation, 'the redirect state is not the request state', status)
  }
  return { code, usid: params.get('usid') || undefined, state }
}
