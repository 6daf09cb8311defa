/**
 * A `fetch` that sends the session's access token to any SCAPI API. A 401 means the request was
 * not executed: it refreshes once and retries once, whatever the method (design 3.2).
 *
 * @module
 */

/** What the authorized fetch needs from the session. */
export interface TokenSource {
  getAccessToken(options?: { rejected?: string }): Promise<string>
}

/**
 * Wraps `fetchFn`: adds `Authorization: Bearer <token>` (replacing one the caller set), retries
 * once with a new token after a 401.
 */
export function createAuthorizedFetch(session: TokenSource, fetchFn: typeof fetch): typeof fetch {
  return async (input, init) => {
    // Cloned up front: a streamed body can only be read once, and the retry needs it again.
    const original = new Request(input, init)
    // Our own copies: their headers (guard `request`) take the token in place.
    const send = (token: string, request: Request) => {
      request.headers.set('authorization', `Bearer ${token}`)
      return fetchFn(request)
    }
    const spare = original.clone()
    const token = await session.getAccessToken()
    const response = await send(token, original)
    if (response.status !== 401) return response
    await response.body?.cancel()
    return send(await session.getAccessToken({ rejected: token }), spare)
  }
}
