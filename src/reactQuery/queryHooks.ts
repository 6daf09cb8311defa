'use client'
/**
 * The shopper's data as hooks: `useQuery` over the factories of `useShopperQueries()`.
 *
 * @module
 */
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import type { ShopperSessionError } from '../errors.ts'
import type { Basket } from '../scapi/baskets/index.ts'
import type { ShopperQueryOptions } from './queryOptions.ts'
import type { OrdersPage, ShopperReads } from './reads.ts'
import { useShopperQueries } from './useShopperQueries.ts'

/**
 * What the query hook of `K` returns: TanStack's `useQuery` result with the factory's data type
 * and `ShopperSessionError`s.
 *
 * @example
 * ```ts
 * const profile: ShopperQueryResult<'profile'> = useProfile()
 * ```
 */
export type ShopperQueryResult<K extends keyof ShopperReads> =
  ReturnType<ShopperReads[K]> extends ShopperQueryOptions<infer _Fn, infer TData>
    ? UseQueryResult<TData, ShopperSessionError>
    : never

/**
 * `useQuery(useShopperQueries()[name](...args))`: any factory as a hook.
 *
 * @example
 * ```tsx
 * const { data: item } = useShopperQuery('productListItem', listId, itemId)
 * ```
 */
export function useShopperQuery<K extends keyof ShopperReads>(
  name: K,
  ...args: Parameters<ShopperReads[K]>
): ShopperQueryResult<K> {
  const factory = useShopperQueries()[name] as (
    ...factoryArgs: Parameters<ShopperReads[K]>
  ) => ShopperQueryOptions<unknown>
  return useQuery(factory(...args)) as ShopperQueryResult<K>
}

/**
 * The registered shopper's profile (`getCustomer`); idle for a guest (no request, `data`
 * `undefined`, `isLoading` false).
 *
 * @example
 * ```tsx
 * function Greeting() {
 *   const { data: profile } = useProfile()
 *   return profile ? <p>Hello {profile.firstName}</p> : null
 * }
 * ```
 */
export function useProfile(): ShopperQueryResult<'profile'> {
  return useShopperQuery('profile')
}

/** The registered shopper's saved addresses (from the profile: no request of its own). */
export function useAddresses(): ShopperQueryResult<'addresses'> {
  return useShopperQuery('addresses')
}

/** One saved address (`getCustomerAddress`). */
export function useAddress(addressName: string): ShopperQueryResult<'address'> {
  return useShopperQuery('address', addressName)
}

/** The registered shopper's payment instruments (from the profile: no request of its own). */
export function usePaymentInstruments(): ShopperQueryResult<'paymentInstruments'> {
  return useShopperQuery('paymentInstruments')
}

/** One payment instrument (`getCustomerPaymentInstrument`). */
export function usePaymentInstrument(
  paymentInstrumentId: string,
): ShopperQueryResult<'paymentInstrument'> {
  return useShopperQuery('paymentInstrument', paymentInstrumentId)
}

/** The shopper's product lists, items embedded (guests have lists too). */
export function useProductLists(): ShopperQueryResult<'productLists'> {
  return useShopperQuery('productLists')
}

/** One product list, items embedded. */
export function useProductList(listId: string): ShopperQueryResult<'productList'> {
  return useShopperQuery('productList', listId)
}

/** The items of one product list (from the list: no request of its own). */
export function useProductListItems(listId: string): ShopperQueryResult<'productListItems'> {
  return useShopperQuery('productListItems', listId)
}

/** The shopper's open baskets. */
export function useBaskets(): ShopperQueryResult<'baskets'> {
  return useShopperQuery('baskets')
}

/**
 * The shopper's basket (the first open one; `data` `undefined` when there is none), or the basket
 * `basketId` when given.
 *
 * @example
 * ```tsx
 * function MiniCart() {
 *   const { data: basket } = useBasket()
 *   return <span>{basket?.productItems?.length ?? 0}</span>
 * }
 * ```
 */
export function useBasket(
  basketId?: string,
): UseQueryResult<Basket | undefined, ShopperSessionError> {
  const queries = useShopperQueries()
  const options = basketId === undefined ? queries.currentBasket() : queries.basket(basketId)
  return useQuery(options as ShopperQueryOptions<unknown, Basket | undefined>)
}

/** One page of the shopper's orders. */
export function useOrders(page?: OrdersPage): ShopperQueryResult<'orders'> {
  return useShopperQuery('orders', page)
}
