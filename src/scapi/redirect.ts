/**
 * Reading SLAS's authorization redirect (`/authorize`, `/login`): a 303 whose `Location` is
 * `{redirect_uri}?code=…&usid=…&state=…`. With `redirect: 'manual'` (Node, or an in-process
 * handler that never follows) the `Location` header is read; with `redirect: 'follow'` (browsers)
 * the final `response.url` is. Either way `status >= 400` or an `error` query parameter is a
 * failure, as in commerce-sdk-isomorphic.
 *
 * @module
 */
import type { ResolvedSlasConfig } from './config.ts'
import { mapClientError } from './errorMapping.ts'
import { errorFromResponse, failed, type SlasRequest, sendTo, slasUrl } from './http.ts'

/** What an authorization redirect carries. */
export interface AuthorizationRedirect {
  /** The authorization code, to redeem at `/token`. */
  code: string
  /** The shopper's USID, when SLAS put one on the redirect. */
  usid: string | undefined
  /** The echoed `state`, when there was one. */
  state: string | undefined
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
  // Frees the connection of the unread redirect body; failures do not matter.
  try {
    void response.body?.cancel().catch(() => undefined)
  } catch {
    // A locked or already-used body: nothing to free.
  }
  // Below 400 and not 0: 3xx is a redirect to read, 2xx may be one that was followed.
  const redirected = status >= 300
  // Followed in a browser, the final URL is the redirect_uri with the code. An in-process handler
  // or a non-following fetch gives '' there.
  const target = redirected
    ? (headers.get('location') ?? '')
    : status >= 200 && response.url !== requestUrl.href
      ? response.url
      : ''
  if (!target.trim()) {
    const reason = redirected
      ? `redirect ${status} without a Location header`
      : `expected a redirect, got status ${status}`
    throw failed(operation, reason, status)
  }
  let params: URLSearchParams
  try {
    params = new URL(target, requestUrl).searchParams
  } catch {
    throw failed(operation, 'redirect target is not a URL', status)
  }
  const error = params.get('error')
  if (error !== null) {
    const body = { error, error_description: params.get('error_description') }
    throw mapClientError({ operation, api: 'slas', status: 400, headers, body })
  }
  const code = params.get('code')
  if (!code) throw failed(operation, 'redirect without a code', status)
  const state = params.get('state') ?? undefined
  if (expectedState !== undefined && state !== expectedState) {
    throw failed(operation, 'redirect state mismatch', status)
  }
  return { code, usid: params.get('usid') || undefined, state }
}
