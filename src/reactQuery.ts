/**
 * `shopper-session/react-query`: the shopper's data on TanStack Query v5. Query and mutation
 * option factories that work without React (route loaders, server prefetch with `dehydrate`),
 * keys that carry the shopper, a cache binding that removes the previous shopper's data on every
 * shopper change, and hooks on top.
 *
 * `@tanstack/react-query` (5.89 or later) is an optional peer dependency, as are `react` and
 * `@xstate/react` for the hooks: only apps that import this entry need them.
 *
 * @example
 * ```tsx
 * import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
 * import { createShopperCustomers } from 'shopper-session/customers'
 * import { ShopperSessionProvider } from 'shopper-session/react'
 * import { ShopperQueryProvider, useProfile } from 'shopper-session/react-query'
 *
 * const customers = createShopperCustomers(session) // once, beside the session
 * const queryClient = new QueryClient()
 * void session.ready() // queries wait until the session knows its shopper
 *
 * function Greeting() {
 *   const { data: profile } = useProfile() // idle for a guest
 *   return <p>Hello {profile?.firstName ?? 'guest'}</p>
 * }
 *
 * export const App = () => (
 *   <QueryClientProvider client={queryClient}>
 *     <ShopperSessionProvider session={session}>
 *       <ShopperQueryProvider customers={customers}>
 *         <Greeting />
 *       </ShopperQueryProvider>
 *     </ShopperSessionProvider>
 *   </QueryClientProvider>
 * )
 * ```
 * @module
 */
export { createShopperQueries, type ShopperQueries } from './reactQuery/createShopperQueries.ts'
export type { OrdersPage, ShopperReads } from './reactQuery/reads.ts'
export type { ProfileUpdate, ShopperVariables, ShopperWrites } from './reactQuery/writes.ts'
export type { ShopperMutationOptions, ShopperQueryOptions } from './reactQuery/queryOptions.ts'
export {
  SHOPPER_QUERY_PREFIX,
  type ShopperKeyPart,
  type ShopperQueryKey,
  type ShopperSource,
  shopperQueryKey,
} from './reactQuery/shopperKey.ts'
export { bindShopperCache, type ShopperChanges } from './reactQuery/bindShopperCache.ts'
export { MAX_RETRIES, retryTransient } from './reactQuery/retry.ts'
export { ShopperQueryProvider, type ShopperQueryProviderProps } from './reactQuery/provider.ts'
export { useShopperQueries } from './reactQuery/useShopperQueries.ts'
export {
  type ShopperQueryResult,
  useAddress,
  useAddresses,
  useBasket,
  useBaskets,
  useOrders,
  usePaymentInstrument,
  usePaymentInstruments,
  useProductList,
  useProductListItems,
  useProductLists,
  useProfile,
  useShopperQuery,
} from './reactQuery/queryHooks.ts'
export {
  type ShopperMutationResult,
  useAddItemToBasket,
  useCreateAddress,
  useCreateBasket,
  useCreatePaymentInstrument,
  useCreateProductList,
  useCreateProductListItem,
  useDeleteBasket,
  useDeletePaymentInstrument,
  useDeleteProductList,
  useDeleteProductListItem,
  useRemoveAddress,
  useShopperMutation,
  useUpdateAddress,
  useUpdateCustomerForBasket,
  useUpdatePaymentInstrument,
  useUpdateProductList,
  useUpdateProductListItem,
  useUpdateProfile,
} from './reactQuery/mutationHooks.ts'
