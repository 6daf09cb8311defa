/**
 * The same-origin proxy to the Shopper APIs, as PWA Kit deploys one (`/mobify/proxy/api` on the
 * storefront's origin): the page, SLAS and its redirect URI then share one origin, with no CORS
 * and no preflights. The README's proxy.
 *
 * @module
 */

/** Options of {@link createApiProxy}. */
export interface ApiProxyOptions {
  /** The API's origin (here the emulator's), without a trailing slash. */
  upstream: string
  /** The path the proxy answers under, e.g. `/mobify/proxy/api`. */
  prefix: string
}

// Hop-by-hop headers belong to one connection, never forwarded; cookies are the shop's own.
const NOT_FORWARDED = [
  'host',
  'cookie',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'expect',
]

/**
 * Forwards `{prefix}/*` to the same path under `upstream` as it is. SLAS's 303 to the redirect
 * URI goes back to the page unfollowed, so the browser follows it on its own origin. An upstream
 * connection that fails rejects, and the connection to the browser is dropped too: a rotated
 * token lost in transit must look lost to the page, not like an HTTP error.
 */
export function createApiProxy(options: ApiProxyOptions): (request: Request) => Promise<Response> {
  const { upstream, prefix } = options
  return async (request) => {
    const url = new URL(request.url)
    const headers = new Headers(request.headers)
    for (const name of NOT_FORWARDED) headers.delete(name)
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
    const answer = await fetch(upstream + url.pathname.slice(prefix.length) + url.search, {
      method: request.method,
      headers,
      ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      redirect: 'manual',
    })
    const returned = new Headers(answer.headers)
    returned.delete('content-encoding') // fetch decoded the body already
    returned.delete('content-length')
    returned.delete('connection')
    returned.delete('keep-alive')
    returned.delete('transfer-encoding')
    return new Response(answer.body, { status: answer.status, headers: returned })
  }
}
