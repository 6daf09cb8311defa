/**
 * CORS for the configured origins, so a browser app on another origin can call the emulator:
 * preflights get 204, answers echo the origin, allow credentials and expose `Location` and the
 * rate-limit headers.
 *
 * @module
 */
import { originMatches } from './wildcard.ts'

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'
const ALLOW_HEADERS = ['authorization', 'content-type', 'x-slas-client-auth', '_sfdc_client_auth']
const EXPOSE_HEADERS = [
  'Location',
  'Retry-After',
  'sfdc_maintenance',
  ...['1M', '5M'].flatMap((w) =>
    ['Limit', 'Remaining', 'Reset'].map((p) => `X-RateLimit-${w}-${p}`),
  ),
].join(', ')

/** CORS handling for one emulator. */
export interface Cors {
  /** The answer to an `OPTIONS` preflight. */
  preflight(request: Request): Response
  /** Adds the CORS headers for the request's origin (if allowed) to `response`. */
  decorate(request: Request, response: Response): Response
}

/** Creates the CORS handling for `origins`. */
export function createCors(origins: readonly string[]): Cors {
  const allowed = (origin: string | null): origin is string =>
    origin !== null && origins.some((pattern) => originMatches(pattern, origin))
  return {
    preflight(request) {
      const origin = request.headers.get('origin')
      const headers = new Headers({ vary: 'Origin' })
      if (allowed(origin)) {
        const requested = (request.headers.get('access-control-request-headers') ?? '')
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean)
        headers.set('access-control-allow-origin', origin)
        headers.set('access-control-allow-credentials', 'true')
        headers.set('access-control-allow-methods', ALLOW_METHODS)
        headers.set(
          'access-control-allow-headers',
          [...new Set([...ALLOW_HEADERS, ...requested])].join(', '),
        )
        headers.set('access-control-max-age', '600')
      }
      return new Response(null, { status: 204, headers })
    },
    decorate(request, response) {
      const origin = request.headers.get('origin')
      if (!/\borigin\b/i.test(response.headers.get('vary') ?? ''))
        response.headers.append('vary', 'Origin')
      // Preflight answers already carry their own, fuller CORS headers.
      if (allowed(origin) && !response.headers.has('access-control-allow-origin')) {
        response.headers.set('access-control-allow-origin', origin)
        response.headers.set('access-control-allow-credentials', 'true')
        response.headers.set('access-control-expose-headers', EXPOSE_HEADERS)
      }
      return response
    },
  }
}
