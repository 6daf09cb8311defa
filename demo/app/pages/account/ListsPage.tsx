/**
 * `/account/lists`: the wishlist and favorites, with products to add and items to remove.
 *
 * @module
 */
import { useId, useState } from 'react'
import type { CustomerProductList, CustomerProductListItem } from 'shopper-session'
import { useDeleteProductListItem, useProductLists } from 'shopper-session/react-query'
import { CURRENCY, PRODUCTS, productById } from '../../../shared/catalog.ts'
import { Button, ErrorNotice, formatPrice, StatusMessage } from '../../ui/index.ts'
import { LoadState } from './LoadState.tsx'
import { LIST_KINDS, type ListKind, listOf, useAddToList } from './productLists.ts'

/** The product's name, or its id when the catalog does not have it. */
function productName(productId: string | undefined): string {
  return (productId && productById(productId)?.name) || productId || 'A product'
}

/** The id of a list's heading (one list of each kind on the page). */
function listHeadingId(kind: ListKind): string {
  return `list-${kind.type}-title`
}

/** The lists page's content. */
export function ListsPage() {
  const lists = useProductLists()
  const addToList = useAddToList()
  const removeItem = useDeleteProductListItem()
  const [news, setNews] = useState('')

  if (lists.data === undefined) return <LoadState query={lists} what="your lists" />
  const all = lists.data.data

  const add = (kind: ListKind, productId: string) => {
    // The buttons stay enabled while an add runs (a disabled button drops the keyboard focus).
    if (addToList.pending) return
    setNews('')
    void addToList.add(kind, listOf(all, kind), productId).then((added) => {
      if (added) setNews(`${productName(productId)} added to ${kind.inWords}.`)
    })
  }
  const remove = (kind: ListKind, list: CustomerProductList, item: CustomerProductListItem) => {
    if (list.id === undefined || item.id === undefined) return
    setNews('')
    removeItem.mutate(
      { listId: list.id, itemId: item.id },
      {
        onSuccess: () => {
          setNews(`${productName(item.productId)} removed from ${kind.inWords}.`)
          // The focused button went with the item: focus its list instead.
          document.getElementById(listHeadingId(kind))?.focus()
        },
      },
    )
  }

  return (
    <>
      <StatusMessage>{news || null}</StatusMessage>
      <ErrorNotice error={addToList.error ?? removeItem.error} />
      <div className="account-lists">
        {LIST_KINDS.map((kind) => (
          <ListSection
            key={kind.type}
            kind={kind}
            list={listOf(all, kind)}
            removingItemId={removeItem.isPending ? removeItem.variables?.itemId : undefined}
            onRemove={remove}
          />
        ))}
      </div>
      <section aria-labelledby="lists-products-title">
        <h2 id="lists-products-title">Add products</h2>
        <ul className="account-cards account-products">
          {PRODUCTS.map((product) => (
            <ProductRow key={product.id} productId={product.id} all={all} onAdd={add} />
          ))}
        </ul>
      </section>
    </>
  )
}

/** Props of {@link ListSection}. */
interface ListSectionProps {
  kind: ListKind
  list: CustomerProductList | undefined
  removingItemId: string | undefined
  onRemove: (kind: ListKind, list: CustomerProductList, item: CustomerProductListItem) => void
}

/** One list: its heading, then its items with a Remove button each. */
function ListSection({ kind, list, removingItemId, onRemove }: ListSectionProps) {
  const headingId = listHeadingId(kind)
  const items = list?.customerProductListItems ?? []
  return (
    <section className="account-panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {kind.name}
      </h2>
      {list === undefined || items.length === 0 ? (
        <p className="account-empty">Nothing in {kind.inWords} yet.</p>
      ) : (
        <ul className="list-items">
          {items.map((item) => (
            <ListItemRow
              key={item.id}
              item={item}
              removing={removingItemId === item.id}
              onRemove={() => onRemove(kind, list, item)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

/** Props of {@link ListItemRow}. */
interface ListItemRowProps {
  item: CustomerProductListItem
  removing: boolean
  onRemove: () => void
}

/** A list item: the product's name and price, and "Remove". */
function ListItemRow({ item, removing, onRemove }: ListItemRowProps) {
  const nameId = useId()
  const product = item.productId === undefined ? undefined : productById(item.productId)
  return (
    <li className="list-item">
      <span id={nameId} className="list-item-name">
        {productName(item.productId)}
      </span>
      {product !== undefined && (
        <span className="list-item-price">{formatPrice(product.price, CURRENCY)}</span>
      )}
      <Button variant="secondary" busy={removing} aria-describedby={nameId} onClick={onRemove}>
        Remove
      </Button>
    </li>
  )
}

/** Props of {@link ProductRow}. */
interface ProductRowProps {
  productId: string
  all: readonly CustomerProductList[]
  onAdd: (kind: ListKind, productId: string) => void
}

/**
 * A catalog product with an add button per list. A product already in a list keeps its button,
 * marked `aria-disabled` (it keeps the focus, unlike `disabled`) with a note saying so: the
 * buttons do not move under the shopper's pointer.
 */
function ProductRow({ productId, all, onAdd }: ProductRowProps) {
  const nameId = useId()
  const product = productById(productId)
  return (
    <li className="account-card product-row">
      <h3 id={nameId}>
        {productName(productId)}
        {product !== undefined && (
          <span className="list-item-price"> {formatPrice(product.price, CURRENCY)}</span>
        )}
      </h3>
      <div className="card-actions">
        {LIST_KINDS.map((kind) => {
          const inList = listOf(all, kind)?.customerProductListItems?.some(
            (item) => item.productId === productId,
          )
          const noteId = `${nameId}-${kind.type}`
          return (
            <span key={kind.type} className="add-to-list">
              <Button
                variant="secondary"
                aria-disabled={inList === true || undefined}
                aria-describedby={inList === true ? `${nameId} ${noteId}` : nameId}
                onClick={() => {
                  if (inList !== true) onAdd(kind, productId)
                }}
              >
                {kind.addLabel}
              </Button>
              {inList === true && (
                <span id={noteId} className="in-list">
                  In {kind.inWords}
                </span>
              )}
            </span>
          )
        })}
      </div>
    </li>
  )
}
