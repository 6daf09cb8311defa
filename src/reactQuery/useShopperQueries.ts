'use client'
/**
 * `useShopperQueries()`: the query and mutation factories of the shopper a component renders.
 *
 * @module
 */
import { useContext, useMemo } from 'react'
import { ShopperSessionError } from '../errors.ts'
import { useShopper } from '../react/useShopper.ts'
import { useShopperSession } from '../react/useShopperSession.ts'
import { queriesOf, queryBase, type ShopperQueries } from './createShopperQueries.ts'
import { ShopperQueryContext } from './context.ts'

/**
 * The factories of `createShopperQueries` for the shopper this render shows (`useShopper()`):
 * the component re-renders on a shopper change, and its options then carry the new shopper's
 * keys, so no render pairs one shopper with another's data. For options of your own:
 * `useQuery({ ...useShopperQueries().profile(), staleTime: 60_000 })`. Throws `invalid_config`
 * outside a `ShopperQueryProvider`.
 *
 * @example
 * ```tsx
 * function Wishlist({ listId }: { listId: string }) {
 *   const { data: items = [] } = useQuery(useShopperQueries().productListItems(listId))
 *   return <p>{items.length} items</p>
 * }
 * ```
 */
export function useShopperQueries(): ShopperQueries {
  const customers = useContext(ShopperQueryContext)
  if (customers === undefined) {
    throw new ShopperSessionError(
      'invalid_config',
      'useShopperQueries: no <ShopperQueryProvider customers={…}> above this component',
    )
  }
  const session = useShopperSession()
  const shopper = useShopper()
  return useMemo(
    () => queriesOf(queryBase(customers, session, () => shopper)),
    [customers, session, shopper],
  )
}
