/**
 * Query keys of shopper data. Every key starts `['shopper-session', '<organizationId>/<siteId>',
 * '<kind>:<customerId>', …]`: plain strings, so a key survives `dehydrate` and JSON as it is, and
 * a key never matches another shopper's data.
 *
 * @module
 */
import type { Shopper } from '../session/shopper.ts'

/** The first element of every key this entry makes. */
export const SHOPPER_QUERY_PREFIX = 'shopper-session'

/**
 * What the query factories read of a session: who the shopper is, and (when the session has it)
 * which site its data belongs to. A `ShopperSession`, a server session and a `SessionLike` all
 * have `getShopper()`; the first two have `scapi` as well.
 *
 * @example
 * ```ts
 * const source: ShopperSource = session // a ShopperSession is one
 * ```
 */
export interface ShopperSource {
  /** Who the shopper is now; `undefined` before the session holds tokens. */
  getShopper(): Shopper | undefined
  /**
   * The API the session talks to. Keys carry its `organizationId/siteId`, so two sites in one
   * `QueryClient` never share an entry; a source without it is one scope of its own.
   */
  readonly scapi?: { readonly organizationId: string; readonly siteId: string } | undefined
}

/** A value a key may carry after its resource name: an id, or an object of plain parameters. */
export type ShopperKeyPart = string | number | Readonly<Record<string, string | number | boolean>>

/**
 * A key of shopper data: the prefix, the site, the shopper (`registered:<customerId>`,
 * `guest:<customerId>`, or `unknown` before the session knows its shopper), then the resource.
 */
export type ShopperQueryKey = readonly [
  typeof SHOPPER_QUERY_PREFIX,
  site: string,
  shopper: string,
  ...resource: ShopperKeyPart[],
]

/** The shopper element of a key for a shopper the session does not know (yet). */
export const UNKNOWN_SHOPPER = 'unknown'

/** The site element of keys made from `source`. */
export function siteScope(source: ShopperSource): string {
  const scapi = source.scapi
  return scapi === undefined ? 'session' : `${scapi.organizationId}/${scapi.siteId}`
}

/**
 * The shopper element of a key: kind and customer id, never the login (keys show in devtools and
 * error reports; the customer id is an opaque id).
 */
export function shopperScope(shopper: Shopper | undefined): string {
  if (shopper?.customerId === undefined) return UNKNOWN_SHOPPER
  return `${shopper.kind}:${shopper.customerId}`
}

/**
 * The key of `resource` of the session's current shopper; with no resource, the key every query
 * of that shopper starts with. The factories of `createShopperQueries` build their keys with it,
 * so an app can invalidate or prefetch by hand.
 *
 * @example
 * ```ts
 * await queryClient.invalidateQueries({ queryKey: shopperQueryKey(session) }) // all of it
 * queryClient.getQueryData(shopperQueryKey(session, 'profile'))
 * ```
 */
export function shopperQueryKey(
  source: ShopperSource,
  ...resource: ShopperKeyPart[]
): ShopperQueryKey {
  return keyFor(siteScope(source), source.getShopper(), resource)
}

/** The key of `resource` for `shopper` in `site`. */
export function keyFor(
  site: string,
  shopper: Shopper | undefined,
  resource: readonly ShopperKeyPart[],
): ShopperQueryKey {
  return [SHOPPER_QUERY_PREFIX, site, shopperScope(shopper), ...resource]
}

/**
 * Whether `a` and `b` are the same shopper signed in the same way: kind, customer id and login.
 * A loginId change keeps the customer id, yet what was cached under the old login (the profile's
 * `login`) is stale, so it counts as a change.
 */
export function sameShopper(a: Shopper | undefined, b: Shopper | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.kind === b.kind && a.customerId === b.customerId && a.loginId === b.loginId
}
