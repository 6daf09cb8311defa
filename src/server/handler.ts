/**
 * `withShopperSession`: a web-standard `(Request) => Promise<Response>` wrapper for SSR handlers
 * (Remix/React Router, Hono, Next.js route handlers, Bun, Deno, Workers, Node adapters).
 *
 * @module
 */
import type { ServerCookieOptions } from '../../adapters/storage/serverCookie.ts'
import {
  checkServerConfig,
  cookieStorage,
  createServerSession,
  type ServerSession,
  type ServerSessionConfig,
} from './session.ts'

/** A request handler that gets the request's shopper session. */
export type ShopperSessionHandler = (
  request: Request,
  session: ServerSession,
) => Response | Promise<Response>

/** Options of {@link withShopperSession}. */
export interface WithShopperSessionOptions {
  /** Cookie attributes (`secure: false` for plain-HTTP development). */
  cookie?: ServerCookieOptions
  /**
   * Turns a handler failure into a response, which then carries the session's cookies. Without
   * it the failure propagates and cookies written before it are lost: a public client's refresh
   * token rotated during that request is then gone, and the shopper's next request must start a
   * new session.
   */
  onError?: (
    error: unknown,
    request: Request,
    session: ServerSession,
  ) => Response | Promise<Response>
}

/**
 * Wraps `handler` so every request gets its own session from its cookies. The session starts when
 * the handler first uses it (pages that need no shopper cost no SLAS call), is stopped when the
 * handler's Response is ready, and what it changed is appended as `Set-Cookie` headers (on a copy
 * when the Response's headers are immutable, e.g. `Response.redirect()` or a proxied `fetch`).
 * A response that sets cookies is marked `Cache-Control: private, no-store` unless it already is
 * private or no-store: a shared cache must never hand one shopper's tokens to another. Finish the
 * session work before returning: headers are final once the Response exists. The cookies are
 * sealed with `config.cookieSecrets` (required). Throws `invalid_config` at once for a bad
 * config, missing or short secrets, or bad cookie options.
 *
 * @example
 * ```ts
 * import { withShopperSession } from 'shopper-session/server'
 *
 * const config = { ...slasConfig, cookieSecrets: [cookieSecret] } // 32+ characters
 * export const handle = withShopperSession(config, async (request, session) => {
 *   const token = await session.getAccessToken()
 *   const html = await renderPage(request, token)
 *   return new Response(html, { headers: { 'content-type': 'text/html' } })
 * })
 * ```
 */
export function withShopperSession(
  config: ServerSessionConfig,
  handler: ShopperSessionHandler,
  options: WithShopperSessionOptions = {},
): (request: Request) => Promise<Response> {
  // A bad config, missing or short cookie secrets, bad cookie options: fail now, not per request.
  checkServerConfig(config, true)
  cookieStorage(null, options.cookie)
  return (request) =>
    serveWithSession(config, options, request, (session) => handler(request, session))
}

/**
 * Runs `perform` with the session of `request`'s cookies (config and options already checked),
 * stops the session and appends the cookies it changed: the one request cycle of
 * {@link withShopperSession}, shared with the session endpoint.
 */
export async function serveWithSession(
  config: ServerSessionConfig,
  options: WithShopperSessionOptions,
  request: Request,
  perform: (session: ServerSession) => Response | Promise<Response>,
): Promise<Response> {
  const session = createServerSession(config, {
    cookies: request.headers,
    ...(options.cookie ? { cookie: options.cookie } : {}),
  })
  let response: Response
  try {
    response = await perform(session)
  } catch (error) {
    if (!options.onError) throw error
    response = await options.onError(error, request, session)
  } finally {
    session.stop()
  }
  return withCookies(response, session.setCookieHeaders())
}

/** `response` with `setCookies` appended (on a copy when its headers are immutable). */
export function withCookies(response: Response, setCookies: readonly string[]): Response {
  if (setCookies.length === 0) return response
  let target = response
  try {
    appendCookies(target.headers, setCookies)
  } catch {
    // Immutable headers throw on the first append, so nothing was added: copy, then append.
    target = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    })
    appendCookies(target.headers, setCookies)
  }
  return target
}

function appendCookies(headers: Headers, setCookies: readonly string[]): void {
  for (const value of setCookies) headers.append('set-cookie', value)
  const cacheControl = headers.get('cache-control') ?? ''
  if (!/\b(?:private|no-store)\b/i.test(cacheControl)) {
    headers.set('cache-control', 'private, no-store')
  }
}
