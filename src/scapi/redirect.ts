/**
 * Reading SLAS's authorization redirect (`/authorize`, `/login`): a 303 whose `Location` is
 * `{redirect_uri}?code=…&usid=…&state=…`. With `redirect: 'manual'` (Node, or an in-process
 * handler that never follows) the `Location` header is read; with `redirect: 'follow'` (browsers)
 * the final `response.url` is. Either way `status >= 400` or an `error` query parameter is a
 * failure, as in commerce-sdk-isomorphic.
 *
 * A browser follows the 303 as a CORS request whenever the page, the API and the redirect URI
 * are not all on one origin, and after a redirect from the API's origin to another one it sends
 * `Origin: null` there: a redirect URI on the page's own origin needs
 * `Access-Control-Allow-Origin: *` (or `null`), its own origin is not enough. Without it the
 * fetch fails with the same bare `TypeError` a dropped connection gives; {@link requestRedirect}
 * tells the two apart.
 *
 * @module
 */
import type { ShopperSessionError } from '../errors.ts'
import type { ResolvedSlasConfig } from './config.ts'
import { mapClientError, mapFetchFailure } from './errorMapping.ts'
import { errorFromResponse, failed, type SlasRequest, sendTo, slasUrl } from './http.ts'
import { operationError } from './operationError.ts'

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
 *
 * In a browser, a followed GET (`/authorize`) that gets no answer while the page, the API and the
 * redirect URI are not all on one origin is sent once more without following (`redirect:
 * 'manual'`). When that answer is an opaque redirect, SLAS answered and only following its
 * redirect failed: `invalid_config` (not transient, so a session does not retry it) saying what
 * to change (a same-origin proxy to the API, or CORS on the redirect URI). Otherwise the first
 * failure stands (`network`). `/login` is never sent twice: it carries the shopper's password.
 */
export async function requestRedirect(
  config: ResolvedSlasConfig,
  request: SlasRequest,
  expectedState: string | undefined,
): Promise<AuthorizationRedirect> {
  const { operation, signal } = request
  const requestUrl = slasUrl(config, request.path, request.query)
  let response: Response
  try {
    response = await sendTo(config, requestUrl, request)
  } catch (error) {
    throw await unfollowed(config, requestUrl, request, error as ShopperSessionError)
  }
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

/**
 * The error for a redirect request that got no answer (see {@link requestRedirect}): `error`
 * itself, unless it is `network` from a GET that a browser followed across origins and whose
 * repetition without following is answered with a redirect.
 */
async function unfollowed(
  config: ResolvedSlasConfig,
  url: URL,
  request: SlasRequest,
  error: ShopperSessionError,
): Promise<ShopperSessionError> {
  let probe: Response
  try {
    // The page's origin; outside a browser there is none, and no CORS either.
    const page = globalThis.location?.origin
    const target = new URL(request.query?.redirect_uri ?? '', url)
    if (
      error.code !== 'network' ||
      config.redirect !== 'follow' ||
      request.method !== 'GET' ||
      !page ||
      // Page, API and redirect URI on one origin: only the network can have failed.
      (url.origin === page && target.origin === page)
    ) {
      return error
    }
    probe = await sendTo({ ...config, redirect: 'manual' }, url, request)
  } catch (probeError) {
    // No answer this time either (the network, or an API that refuses this origin), or a
    // redirect URI that is no URL: the first failure stands. An abort is the caller's to see.
    return request.signal?.aborted
      ? mapFetchFailure(request.operation, probeError, request.signal)
      : error
  }
  // A browser shows a redirect it did not follow only as an opaque redirect (no body to free):
  // SLAS answered, and following that redirect is what failed. Any other answer's body is left
  // to the garbage collector: one request, never in a loop.
  return probe.type === 'opaqueredirect'
    ? operationError(
        'invalid_config',
        request.operation,
        " failed: CORS blocked the redirect to redirectURI: proxy the API on the page's origin," +
          ' or answer redirectURI with Access-Control-Allow-Origin: *',
      )
    : error
}
