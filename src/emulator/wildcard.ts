/**
 * Matching of registered redirect URIs and CORS origins with `*` wildcards: in the origin part a
 * `*` stands for one host label or a port (`http://localhost:*` + `/callback`,
 * `https://*.shop.com`); the path must match exactly.
 *
 * @module
 */

function splitOrigin(uri: string): { origin: string; rest: string } | undefined {
  const scheme = uri.indexOf('://')
  if (scheme < 0) return undefined
  const slash = uri.indexOf('/', scheme + 3)
  return slash < 0
    ? { origin: uri, rest: '' }
    : { origin: uri.slice(0, slash), rest: uri.slice(slash) }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether `origin` (scheme://host[:port]) matches `pattern`; case-insensitive as hosts are. */
export function originMatches(pattern: string, origin: string): boolean {
  if (pattern === '*') return true
  const source = pattern.split('*').map(escape).join('[A-Za-z0-9-]+')
  return new RegExp(`^${source}$`, 'i').test(origin)
}

/** Whether the redirect URI `candidate` matches the registered `pattern`. */
export function redirectURIMatches(pattern: string, candidate: string): boolean {
  const want = splitOrigin(pattern)
  const got = splitOrigin(candidate)
  // Custom schemes (`com.example.app:/cb`) have no wildcard support: exact match only.
  if (!want || !got) return pattern === candidate
  const rest = want.rest === '' ? '/' : want.rest
  const actual = got.rest === '' ? '/' : got.rest
  return rest === actual && originMatches(want.origin, got.origin)
}

/** The path of a registered redirect URI (`/callback`), if it has one. */
export function redirectPath(pattern: string): string | undefined {
  const parts = splitOrigin(pattern)
  if (!parts) return undefined
  const path = parts.rest.split(/[?#]/)[0] ?? ''
  return path === '' ? undefined : path
}

/** Appends query parameters to a redirect URI, before any fragment. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const hash = uri.indexOf('#')
  const base = hash < 0 ? uri : uri.slice(0, hash)
  const fragment = hash < 0 ? '' : uri.slice(hash)
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) query.set(name, value)
  const separator = base.includes('?') ? '&' : '?'
  return `${base}${separator}${query.toString()}${fragment}`
}
