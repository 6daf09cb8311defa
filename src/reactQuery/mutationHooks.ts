'use client'
/**
 * The shopper's writes as hooks: `useMutation` over the factories of `useShopperQueries()`.
 *
 * @module
 */
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import type { ShopperSessionError } from '../errors.ts'
import type { ShopperMutationOptions } from './queryOptions.ts'
import { useShopperQueries } from './useShopperQueries.ts'
import type { ShopperWrites } from './writes.ts'

/**
 * What the mutation hook of `K` returns: TanStack's `useMutation` result with the factory's data
 * and variables and `ShopperSessionError`s.
 *
 * @example
 * ```ts
 * const update: ShopperMutationResult<'updateProfile'> = useUpdateProfile()
 * ```
 */
export type ShopperMutationResult<K extends keyof ShopperWrites> =
  ReturnType<ShopperWrites[K]> extends ShopperMutationOptions<infer TData, infer TVariables>
    ? UseMutationResult<TData, ShopperSessionError, TVariables>
    : never

/**
 * `useMutation(useShopperQueries()[name]())`: any write as a hook. `mutateAsync` resolves once
 * the queries it changed have refetched; add your own callbacks to `mutate(variables, { … })`.
 *
 * @example
 * ```tsx
 * const rename = useShopperMutation('updateProductList')
 * rename.mutate({ listId, body: { name: 'Birthday' } })
 * ```
 */
export function useShopperMutation<K extends keyof ShopperWrites>(
  name: K,
): ShopperMutationResult<K> {
  const options = useShopperQueries()[name]() as ShopperMutationOptions<unknown, unknown>
  return useMutation(options) as ShopperMutationResult<K>
}

/**
 * Changes profile fields (`{ body }`, not the login); the profile refreshes before it resolves.
 *
 * @example
 * ```tsx
 * function Rename() {
 *   const update = useUpdateProfile()
 *   return (
 *     <button disabled={update.isPending} onClick={() => update.mutate({ body: { firstName: 'Ada' } })}>
 *       Save
 *     </button>
 *   )
 * }
 * ```
 */
export function useUpdateProfile(): ShopperMutationResult<'updateProfile'> {
  return useShopperMutation('updateProfile')
}

/**
 * Saves a new address (`{ body }`); the profile refreshes.
 */
export function useCreateAddress(): ShopperMutationResult<'createAddress'> {
  return useShopperMutation('createAddress')
}

/**
 * Replaces a saved address (`{ addressName, body }`); the profile and that address refresh.
 */
export function useUpdateAddress(): ShopperMutationResult<'updateAddress'> {
  return useShopperMutation('updateAddress')
}

/**
 * Removes a saved address (`{ addressName }`); the profile refreshes.
 */
export function useRemoveAddress(): ShopperMutationResult<'removeAddress'> {
  return useShopperMutation('removeAddress')
}

/**
 * Saves a payment instrument (`{ body }`); the profile refreshes.
 */
export function useCreatePaymentInstrument(): ShopperMutationResult<'createPaymentInstrument'> {
  return useShopperMutation('createPaymentInstrument')
}

/**
 * Changes a payment instrument (`{ paymentInstrumentId, body }`); the profile and it refresh.
 */
export function useUpdatePaymentInstrument(): ShopperMutationResult<'updatePaymentInstrument'> {
  return useShopperMutation('updatePaymentInstrument')
}

/**
 * Deletes a payment instrument (`{ paymentInstrumentId }`); the profile refreshes.
 */
export function useDeletePaymentInstrument(): ShopperMutationResult<'deletePaymentInstrument'> {
  return useShopperMutation('deletePaymentInstrument')
}

/**
 * Creates a product list (`{ body }`); the lists refresh.
 */
export function useCreateProductList(): ShopperMutationResult<'createProductList'> {
  return useShopperMutation('createProductList')
}

/**
 * Changes a product list (`{ listId, body }`); the lists and that list refresh.
 */
export function useUpdateProductList(): ShopperMutationResult<'updateProductList'> {
  return useShopperMutation('updateProductList')
}

/**
 * Deletes a product list (`{ listId }`); the lists refresh.
 */
export function useDeleteProductList(): ShopperMutationResult<'deleteProductList'> {
  return useShopperMutation('deleteProductList')
}

/**
 * Adds an item to a list (`{ listId, body }`); the lists and that list refresh.
 */
export function useCreateProductListItem(): ShopperMutationResult<'createProductListItem'> {
  return useShopperMutation('createProductListItem')
}

/**
 * Changes a list item (`{ listId, itemId, body }`); the lists, the list and the item refresh.
 */
export function useUpdateProductListItem(): ShopperMutationResult<'updateProductListItem'> {
  return useShopperMutation('updateProductListItem')
}

/**
 * Removes a list item (`{ listId, itemId }`); the lists and that list refresh.
 */
export function useDeleteProductListItem(): ShopperMutationResult<'deleteProductListItem'> {
  return useShopperMutation('deleteProductListItem')
}

/**
 * Opens the shopper's basket (`{ body: {} }`); the baskets refresh.
 */
export function useCreateBasket(): ShopperMutationResult<'createBasket'> {
  return useShopperMutation('createBasket')
}

/**
 * Adds items to a basket (`{ basketId, body: [items] }`); the baskets and that basket refresh.
 */
export function useAddItemToBasket(): ShopperMutationResult<'addItemToBasket'> {
  return useShopperMutation('addItemToBasket')
}

/**
 * Sets the basket's customer (`{ basketId, body }`); the baskets and that basket refresh.
 */
export function useUpdateCustomerForBasket(): ShopperMutationResult<'updateCustomerForBasket'> {
  return useShopperMutation('updateCustomerForBasket')
}

/**
 * Deletes a basket (`{ basketId }`); the baskets refresh.
 */
export function useDeleteBasket(): ShopperMutationResult<'deleteBasket'> {
  return useShopperMutation('deleteBasket')
}
