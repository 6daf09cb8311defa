/**
 * The two lists the lists page keeps, and adding to a list that may not exist yet.
 *
 * @module
 */
import { useState } from 'react'
import type { CustomerProductList, ProductListType } from 'shopper-session'
import { useCreateProductList, useCreateProductListItem } from 'shopper-session/react-query'

/** One of the shopper's lists as the page shows it. */
export interface ListKind {
  /** The list's type; the page keeps one list of each. */
  type: ProductListType
  /** Its name, the list's heading. */
  name: string
  /** The add button's text. */
  addLabel: string
  /** "your wishlist": how the page's messages name it. */
  inWords: string
}

/**
 * The wishlist (`wish_list`, as PWA Kit keeps it) and favorites. The API has no favorites type:
 * the first custom type holds them.
 */
export const LIST_KINDS: readonly ListKind[] = [
  { type: 'wish_list', name: 'Wishlist', addLabel: 'Add to wishlist', inWords: 'your wishlist' },
  { type: 'custom_1', name: 'Favorites', addLabel: 'Add to favorites', inWords: 'your favorites' },
]

/** The shopper's list of that kind (the first, should there be several). */
export function listOf(
  lists: readonly CustomerProductList[],
  kind: ListKind,
): CustomerProductList | undefined {
  return lists.find((list) => list.type === kind.type)
}

/** What {@link useAddToList} returns. */
export interface AddToList {
  /** Adds one of the product to the list, creating the list first when the shopper has none. */
  add(kind: ListKind, list: CustomerProductList | undefined, productId: string): Promise<boolean>
  pending: boolean
  /** Why the last add failed (a `ShopperSessionError`). */
  error: unknown
}

/**
 * Adding a product to a list that is made on first use: a shopper who never saved anything has
 * no wishlist, and viewing the page should not create one.
 */
export function useAddToList(): AddToList {
  const createList = useCreateProductList()
  const createItem = useCreateProductListItem()
  const [error, setError] = useState<unknown>(null)
  const add = async (kind: ListKind, list: CustomerProductList | undefined, productId: string) => {
    setError(null)
    try {
      const listId =
        list?.id ??
        (
          await createList.mutateAsync({
            body: { type: kind.type, name: kind.name, public: false },
          })
        ).id
      if (listId === undefined) throw new Error('the new list has no id')
      await createItem.mutateAsync({
        listId,
        body: { type: 'product', productId, quantity: 1, priority: 1, public: false },
      })
      return true
    } catch (caught) {
      // The hooks reject with ShopperSessionErrors; ErrorNotice reads anything else as a server error.
      setError(caught)
      return false
    }
  }
  return { add, pending: createList.isPending || createItem.isPending, error }
}
