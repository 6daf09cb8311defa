/**
 * Which client a password reset call is counted against (the per-client rate limit): the peer
 * address, or behind trusted reverse proxies the address the farthest trusted proxy saw, as a
 * normalised key (see `clientAddress.ts`).
 *
 * @module
 */
import { clientAddressKey } from './clientAddress.ts'

/** What the runtime knows about a request beyond the `Request` itself. */
export interface PasswordResetRequestInfo {
  /** The peer's address (Express `req.ip`, Hono `getConnInfo(c).remote.address`, Bun). */
  address?: string
}

/** Picks the per-client key of a call; `undefined`: no per-client limit for it. */
export type ClientKeyRule = (request: Request, info: PasswordResetRequestInfo) => string | undefined

/** The `X-Forwarded-For` entries, left (farthest) to right (nearest); repeated headers in order. */
function forwardedEntries(request: Request): string[] {
  return (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

/**
 * The address a call came from, before normalisation. With no trusted proxies it is the peer.
 * With `hops` trusted proxies the path is the `X-Forwarded-For` entries then the peer; each
 * trusted proxy appended the address it saw, so the client is the entry `hops` from the right
 * (the peer is only the nearest proxy). Entries further left are whatever the client claimed.
 * A shorter path means the call skipped proxies (or came straight to the app): the farthest
 * address on it is then the best known, rather than no key at all, so going around the proxy
 * does not escape the limit.
 *
 * @example
 * ```ts
 * // Express behind one proxy: req.ip is the proxy, the header ends with the shopper.
 * clientAddress(request, '10.0.0.1', 1) // X-Forwarded-For: 6.6.6.6, 203.0.113.9 → '203.0.113.9'
 * ```
 */
export function clientAddress(
  request: Request,
  peer: string | undefined,
  hops: number,
): string | undefined {
  if (hops === 0) return peer
  const entries = forwardedEntries(request)
  return entries[entries.length - hops] ?? entries[0] ?? peer
}

/**
 * The key rule the handler uses. Default (`custom` undefined): {@link clientAddress} as a
 * normalised key; a value that is not an IP address gives no key. A custom rule's key is used
 * as it is, except that an IP address is normalised the same way (IPv6 grouped by /64), so an
 * app that reads another header (`CF-Connecting-IP`) keeps the same protection.
 */
export function createClientKey(custom: ClientKeyRule | undefined, hops: number): ClientKeyRule {
  if (custom === undefined) {
    return (request, info) => {
      const peer = typeof info.address === 'string' ? info.address : undefined
      const address = clientAddress(request, peer || undefined, hops)
      return address === undefined ? undefined : clientAddressKey(address)
    }
  }
  return (request, info) => {
    const key = custom(request, info)
    if (typeof key !== 'string' || key === '') return undefined
    return clientAddressKey(key) ?? key
  }
}
