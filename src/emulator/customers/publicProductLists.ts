/**
 * Public product lists: search by the owner's e-mail, or first and last name (exact,
 * case-sensitive), and read a public list, its public items, or one public item. Only lists marked
 * `public: true` are visible; anything else is "not found", so private lists do not leak their
 * existence.
 *
 * @module
 */
import { json } from '../http.ts'
import type { RequestContext } from '../router.ts'
import type { EmulatorState } from '../state.ts'
import type { ShopperCaller } from './auth.ts'
import { readExpand } from './expand.ts'
import type { ProductListRecord } from './model.ts'
import { badRequest, notFound, productListNotFound } from './problems.ts'
import { findList, publicItemView, publicListView } from './productListModel.ts'
import { shopperById } from './store.ts'

function single(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name)
  return value === null || value === '' ? undefined : value
}

function publicList(state: EmulatorState, listId: string): ProductListRecord | undefined {
  const found = findList(state, listId)
  return found?.list.public === true ? found.list : undefined
}

/** getPublicProductListsBySearchTerm. */
export function getPublicProductListsBySearchTerm(
  ctx: RequestContext,
  _caller: ShopperCaller,
): Response {
  const query = ctx.url.searchParams
  const email = single(query, 'email')
  const firstName = single(query, 'firstName')
  const lastName = single(query, 'lastName')
  if (email === undefined && (firstName === undefined || lastName === undefined)) {
    return badRequest("Search by 'email', or by both 'firstName' and 'lastName'.")
  }
  const state = ctx.core.state
  const data = []
  for (const owner of state.customers.values()) {
    const shopper = shopperById(state, owner.customerId)
    if (!shopper) continue
    const matches =
      email !== undefined
        ? shopper.email === email
        : shopper.firstName === firstName && shopper.lastName === lastName
    if (!matches) continue
    for (const list of owner.productLists) {
      if (list.public !== true) continue
      const name = typeof list.name === 'string' ? list.name : undefined
      data.push({
        id: list.id,
        title: name ?? list.type,
        type: list.type,
        ...(name === undefined ? {} : { name }),
        ...(typeof list.description === 'string' ? { description: list.description } : {}),
      })
    }
  }
  return json(200, { limit: data.length, total: data.length, data })
}

/** getPublicProductList. */
export function getPublicProductList(ctx: RequestContext, _caller: ShopperCaller): Response {
  const listId = ctx.params.listId ?? ''
  const list = publicList(ctx.core.state, listId)
  return list ? json(200, publicListView(list)) : productListNotFound(listId.slice(0, 28))
}

/** getPublicProductListItems. */
export function getPublicProductListItems(ctx: RequestContext, _caller: ShopperCaller): Response {
  const expand = readExpand(ctx.url.searchParams, ['product', 'images', 'availability'] as const)
  if (!expand.ok) return expand.response
  const listId = ctx.params.listId ?? ''
  const list = publicList(ctx.core.state, listId)
  if (!list) return productListNotFound(listId.slice(0, 28))
  const data = list.items.filter((item) => item.public).map(publicItemView)
  return json(200, { limit: data.length, total: data.length, data })
}

/** getProductListItem. */
export function getProductListItem(ctx: RequestContext, _caller: ShopperCaller): Response {
  const listId = ctx.params.listId ?? ''
  const list = publicList(ctx.core.state, listId)
  if (!list) return productListNotFound(listId.slice(0, 28))
  const itemId = ctx.params.itemId ?? ''
  const item = list.items.find((candidate) => candidate.id === itemId && candidate.public)
  return item
    ? json(200, publicItemView(item))
    : notFound(`No product list item with ID '${itemId}' could be found.`, { itemId })
}
