/**
 * `createShopperQueries(customers, session)`: TanStack Query options for the shopper's data,
 * usable without React (route loaders, server prefetch) and under the hooks.
 *
 * @module
 */
import type { ShopperCustomers } from '../customers.ts'
import type { Shopper } from '../session/shopper.ts'
import type { QueryBase } from './forShopper.ts'
import { type ShopperReads, reads } from './reads.ts'
import { type ShopperSource, siteScope } from './shopperKey.ts'
import { type ShopperWrites, writes } from './writes.ts'

/**
 * Every query and mutation factory for the shopper's data (see {@link ShopperReads} and
 * {@link ShopperWrites}).
 *
 * @example
 * ```ts
 * const queries: ShopperQueries = createShopperQueries(customers, session)
 * await queryClient.prefetchQuery(queries.productLists())
 * ```
 */
export interface ShopperQueries extends ShopperReads, ShopperWrites {}

/** The factories of `base`'s shopper. */
export function queriesOf(base: QueryBase): ShopperQueries {
  return { ...reads(base), ...writes(base) }
}

/** The factories' base for `customers` and `session`, with whose options they make. */
export function queryBase(
  customers: ShopperCustomers,
  session: ShopperSource,
  shopper: () => Shopper | undefined,
): QueryBase {
  return { customers, source: session, site: siteScope(session), shopper }
}

/**
 * The query and mutation options of the shopper's data: profile, addresses, payment
 * instruments, product lists and their items, baskets, orders. Each factory reads the session's
 * shopper when it is called, so options made after a login are the new shopper's; keep the
 * object (one per session) and call the factories where the options are needed.
 *
 * `customers` is `createShopperCustomers(session)` (token, refresh and the one retry after a 401
 * are the session's); `session` is anything with `getShopper()`: a `ShopperSession`, a server
 * session, or a `SessionLike` an app's server stands behind. Keys carry the shopper; bind the
 * cache with `bindShopperCache` (or `ShopperQueryProvider`) so a shopper change removes the
 * previous shopper's data.
 *
 * @example
 * ```ts
 * import { QueryClient, dehydrate } from '@tanstack/react-query'
 * import { createShopperCustomers } from 'shopper-session/customers'
 * import { createShopperQueries } from 'shopper-session/react-query'
 *
 * // A server render: the request's session, a QueryClient per request.
 * const queries = createShopperQueries(createShopperCustomers(session), session)
 * const queryClient = new QueryClient()
 * await queryClient.prefetchQuery(queries.profile())
 * const state = dehydrate(queryClient) // for <HydrationBoundary state={state}>; no token in it
 * ```
 */
export function createShopperQueries(
  customers: ShopperCustomers,
  session: ShopperSource,
): ShopperQueries {
  return queriesOf(queryBase(customers, session, () => session.getShopper()))
}
