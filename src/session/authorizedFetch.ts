/**
 * A `fetch` that sends the session's access token to the SCAPI APIs, and nowhere else. A 401
 * means the request was not executed: it refreshes once and retries once, whatever the method.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { mapFetchFailure } from '../scapi/fetchFailure.ts'
import type { AccessTokenOptions } from './accessToken.ts'

/** What the authorized fetch needs from the session. */
export interface TokenSource {
  getAccessToken(options?: AccessTokenOptions): Promise<string>
}

const OPERATION = 'session.fetch'

/** The request `input` and `init` describe; anything fetch would refuse is `invalid_config`. */
function requestOf(input: RequestInfo | URL, init: RequestInit | undefined): Request {
  try {
    return new Request(input, init)
  } catch {
    // The TypeError may quote a header value (a token): only its kind is told.
    const message = `${OPERATION}: not a valid request (outside browsers the URL must be absolute)`
    throw new ShopperSessionError('invalid_config', message, { operation: OPERATION })
  }
}

/**
 * Wraps `fetchFn`: adds `Authorization: Bearer <token>` (replacing one the caller set) to requests
 * for one of `origins` (the API's, and those the config trusts) and refuses any other request
 * with `invalid_config` before anything is sent; retries once with a new token after a 401. A
 * request that gets no answer rejects with `network`, `timeout` or `aborted`.
 */
export function createAuthorizedFetch(
  session: TokenSource,
  fetchFn: typeof fetch,
  origins: readonly string[],
): typeof fetch {
  return async (input, init) => {
    // Cloned up front: a streamed body can only be read once, and the retry needs it again.
    const original = requestOf(input, init)
    const { origin } = new URL(original.url)
    if (!origins.includes(origin)) {
      const message =
        `${OPERATION}: ${origin} is not the API's origin; the shopper's token goes only there ` +
        '(list other origins in trustedOrigins)'
      throw new ShopperSessionError('invalid_config', message, { operation: OPERATION })
    }
    const { signal } = original
    // Our own copies: their headers (guard `request`) take the token in place.
    const send = async (token: string, request: Request) => {
      request.headers.set('authorization', `Bearer ${token}`)
      try {
        return await fetchFn(request)
      } catch (error) {
        throw mapFetchFailure(OPERATION, error, signal)
      }
    }
    const spare = original.clone()
    const token = await session.getAccessToken({ signal })
    const response = await send(token, original)
    if (response.status !== 401) return response
    await response.body?.cancel()
    return send(await session.getAccessToken({ rejected: token, signal }), spare)
  }
}
