/**
 * Which browser origins may call the password reset endpoint, and the CORS headers that say so.
 * The request's own origin is always allowed; other origins only when listed. `*` is never sent:
 * each answer names the one origin it allows.
 *
 * @module
 */
import { ShopperSessionError } from '../../errors.ts'
import { CSRF_HEADER } from '../../account/resetWire.ts'

/** How long a browser may cache a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = '600'

/** Decides whether an `Origin` may call, and writes the CORS headers of an answer. */
export interface OriginPolicy {
  /**
   * True when `origin` is the request's own origin or a listed one. `null` (sandboxed frames,
   * `file:` pages, some redirects) is never allowed.
   */
  allows(origin: string, request: Request): boolean
  /** Headers of a granted preflight for `origin`. */
  preflightHeaders(origin: string): Record<string, string>
  /** Headers of an answer to an allowed cross-origin call (none for the same origin). */
  responseHeaders(origin: string | null, request: Request): Record<string, string>
}

/** The request's own origin, or `undefined` when its URL cannot be parsed. */
function ownOrigin(request: Request): string | undefined {
  try {
    return new URL(request.url).origin
  } catch {
    return undefined
  }
}

/**
 * `value` when it is exactly an http(s) origin as a browser sends it in `Origin`, else
 * `undefined`. Comparing with the URL parser's serialisation refuses a path, query, fragment,
 * credentials, a trailing slash, upper case and a default port, none of which a browser sends,
 * so such an entry could never match and would only hide a typo. `*` is refused by name: the
 * URL parser takes `https://*.example.com` as a host, which no browser origin can match either.
 */
function asOrigin(value: string): string | undefined {
  if (value.includes('*')) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  return /^https?:$/.test(url.protocol) && url.origin === value ? value : undefined
}

/**
 * Creates the policy; `invalid_config` names an entry of `allowedOrigins` that is not exactly an
 * http(s) origin (`scheme://host[:port]`: no path, trailing slash, query, credentials or `*`).
 */
export function createOriginPolicy(allowedOrigins: readonly string[] = []): OriginPolicy {
  const listed = new Set<string>()
  allowedOrigins.forEach((value, index) => {
    const origin = typeof value === 'string' ? asOrigin(value) : undefined
    if (origin === undefined) {
      throw new ShopperSessionError(
        'invalid_config',
        `Invalid password reset handler options: allowedOrigins[${index}]: must be an http(s) ` +
          'origin exactly as browsers send it, like https://shop.example.com ' +
          '(scheme://host[:port]; no wildcard, path, trailing slash or default port)',
      )
    }
    listed.add(origin)
  })
  const allows = (origin: string, request: Request) =>
    origin !== 'null' && (listed.has(origin) || origin === ownOrigin(request))
  return {
    allows,
    preflightHeaders: (origin) => ({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': `content-type, ${CSRF_HEADER}`,
      'access-control-max-age': PREFLIGHT_MAX_AGE,
      vary: 'Origin',
    }),
    responseHeaders(origin, request): Record<string, string> {
      if (origin === null || origin === ownOrigin(request) || !allows(origin, request)) {
        return { vary: 'Origin' }
      }
      // Retry-After is not a CORS-safelisted response header: expose it to the page's script.
      return {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'Retry-After',
        vary: 'Origin',
      }
    },
  }
}
