/**
 * Which browser origins may call an endpoint of this entry (the password reset and the session
 * endpoint), and the CORS headers that say so. The request's own origin is always allowed; other
 * origins only when listed. `*` is never sent: each answer names the one origin it allows.
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

/** How an endpoint answers CORS (the password reset's by default). */
export interface OriginPolicyOptions {
  /** Names the options in `invalid_config` messages. Default `password reset handler options`. */
  label?: string
  /** The methods a preflight grants. Default `POST`. */
  methods?: string
  /**
   * Whether listed origins may send cookies (`Access-Control-Allow-Credentials: true`). Default
   * false: the password reset reads no cookie; the session endpoint lives on its cookies.
   */
  credentials?: boolean
}

/**
 * Creates the policy; `invalid_config` names an entry of `allowedOrigins` that is not exactly an
 * http(s) origin (`scheme://host[:port]`: no path, trailing slash, query, credentials or `*`).
 */
export function createOriginPolicy(
  allowedOrigins: readonly string[] = [],
  options: OriginPolicyOptions = {},
): OriginPolicy {
  const {
    label = 'password reset handler options',
    methods = 'POST',
    credentials = false,
  } = options
  const withCredentials: Record<string, string> = credentials
    ? { 'access-control-allow-credentials': 'true' }
    : {}
  const listed = new Set<string>()
  allowedOrigins.forEach((value, index) => {
    const origin = typeof value === 'string' ? asOrigin(value) : undefined
    if (origin === undefined) {
      throw new ShopperSessionError(
        'invalid_config',
        `Invalid ${label}: allowedOrigins[${index}]: must be an http(s) ` +
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
      'access-control-allow-methods': methods,
      'access-control-allow-headers': `content-type, ${CSRF_HEADER}`,
      'access-control-max-age': PREFLIGHT_MAX_AGE,
      ...withCredentials,
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
        ...withCredentials,
        vary: 'Origin',
      }
    },
  }
}
