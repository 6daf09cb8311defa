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

/** `value` as an origin (`https://shop.example.com`), or `undefined` when it is not one. */
function asOrigin(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  const bare = value.replace(/\/$/, '')
  return /^https?:$/.test(url.protocol) && url.origin === bare ? url.origin : undefined
}

/**
 * Creates the policy; `invalid_config` names an entry of `allowedOrigins` that is not an http(s)
 * origin (no path, query, credentials or `*`).
 */
export function createOriginPolicy(allowedOrigins: readonly string[] = []): OriginPolicy {
  const listed = new Set<string>()
  allowedOrigins.forEach((value, index) => {
    const origin = typeof value === 'string' ? asOrigin(value) : undefined
    if (origin === undefined) {
      throw new ShopperSessionError(
        'invalid_config',
        `Invalid password reset handler options: allowedOrigins[${index}]: must be an http(s) ` +
          'origin like https://shop.example.com (no path, no wildcard)',
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
