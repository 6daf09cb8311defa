/**
 * Adding a product to the shopper's basket, opening the basket first when there is none.
 *
 * @module
 */
import { useAddItemToBasket, useBasket, useCreateBasket } from 'shopper-session/react-query'

/** What {@link useAddToBasket} returns. */
export interface AddToBasket {
  /** Adds one of `productId`; resolves once the basket shows it. Rejects with the API's error. */
  add(productId: string): Promise<void>
  pending: boolean
}

/**
 * Adds to the basket of the current shopper (a guest too). SCAPI keeps one open basket per
 * shopper: the first add creates it.
 */
export function useAddToBasket(): AddToBasket {
  const basket = useBasket()
  const create = useCreateBasket()
  const addItem = useAddItemToBasket()
  return {
    pending: create.isPending || addItem.isPending,
    async add(productId) {
      const current = basket.data ?? (await create.mutateAsync({ body: {} }))
      const basketId = current.basketId
      if (basketId === undefined) throw new Error('the basket has no id')
      await addItem.mutateAsync({ basketId, body: [{ productId, quantity: 1 }] })
    },
  }
}
