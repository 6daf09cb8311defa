/**
 * Items of a customer product list: create (`priority`, `public`, `quantity` and `type` required; a
 * `product` item needs a `productId`), get, update (`priority`, `public`, `quantity`, `c_*`),
 * delete. There is no catalog: any product id is accepted.
 *
 * @module
 */
import { json } from '../http.ts'
import { randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import type { Outcome, ShopperCaller } from './auth.ts'
import type { CustomerRecord, ProductListItemRecord, ProductListRecord } from './model.ts'
import { ownEntry, readBodyAnd } from './owned.ts'
import { notFound, productIdMissing } from './problems.ts'
import { ITEM_RULES, ITEM_UPDATE_RULES, itemView } from './productListModel.ts'
import { PRODUCT_LIST } from './productLists.ts'
import { isoTime, touch } from './store.ts'
import { applied, changes, firstInvalid, invalidField } from './validate.ts'

interface FoundItem {
  record: CustomerRecord
  list: ProductListRecord
  item: ProductListItemRecord
}

function itemNotFound(itemId: string): Response {
  return notFound(`No product list item with ID '${itemId}' could be found.`, { itemId })
}

function ownItem(ctx: RequestContext, caller: ShopperCaller): Outcome<FoundItem> {
  const found = ownEntry(ctx, caller, PRODUCT_LIST)
  if (!found.ok) return found
  const { record, entry: list } = found.value
  const itemId = ctx.params.itemId ?? ''
  const item = list.items.find((candidate) => candidate.id === itemId)
  return item
    ? { ok: true, value: { record, list, item } }
    : { ok: false, response: itemNotFound(itemId) }
}

function listChanged(ctx: RequestContext, record: CustomerRecord, list: ProductListRecord): void {
  list.lastModified = isoTime(ctx.core.clock.now())
  touch(ctx.core, record)
}

/** createCustomerProductListItem. */
export async function createCustomerProductListItem(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const input = await readBodyAnd(ctx, () => ownEntry(ctx, caller, PRODUCT_LIST))
  if (!input.ok) return input.response
  const [request, { record, entry: list }] = input.value
  const required = ['priority', 'public', 'quantity', 'type']
  const bad = firstInvalid(request, ITEM_RULES, required)
  if (bad !== undefined) return invalidField(bad)
  if (request.type === 'product' && typeof request.productId !== 'string') return productIdMissing()

  const item: ProductListItemRecord = {
    ...applied({}, changes(request, ITEM_RULES)),
    id: randomString(26, '0123456789abcdef'),
    priority: request.priority as number,
    public: request.public as boolean,
    quantity: request.quantity as number,
    purchasedQuantity:
      typeof request.purchasedQuantity === 'number' ? request.purchasedQuantity : 0,
    type: request.type as ProductListItemRecord['type'],
  }
  list.items.push(item)
  listChanged(ctx, record, list)
  return json(200, itemView(item))
}

/** getCustomerProductListItem. */
export function getCustomerProductListItem(ctx: RequestContext, caller: ShopperCaller): Response {
  const found = ownItem(ctx, caller)
  return found.ok ? json(200, itemView(found.value.item)) : found.response
}

/** updateCustomerProductListItem. */
export async function updateCustomerProductListItem(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const input = await readBodyAnd(ctx, () => ownItem(ctx, caller))
  if (!input.ok) return input.response
  const [request, { item, list, record }] = input.value
  const bad = firstInvalid(request, ITEM_UPDATE_RULES)
  if (bad !== undefined) return invalidField(bad)
  const change = changes(request, ITEM_UPDATE_RULES)
  // The three fields are required members of an item: null cannot remove them.
  for (const name of Object.keys(ITEM_UPDATE_RULES)) if (change[name] === null) delete change[name]
  const updated: ProductListItemRecord = {
    ...item,
    ...applied(item, change),
    id: item.id,
    type: item.type,
  }
  list.items[list.items.indexOf(item)] = updated
  listChanged(ctx, record, list)
  return json(200, itemView(updated))
}

/** deleteCustomerProductListItem. */
export function deleteCustomerProductListItem(
  ctx: RequestContext,
  caller: ShopperCaller,
): Response {
  const found = ownItem(ctx, caller)
  if (!found.ok) return found.response
  const { item, list, record } = found.value
  list.items = list.items.filter((candidate) => candidate !== item)
  listChanged(ctx, record, list)
  return new Response(null, { status: 204 })
}
