/**
 * Items of a customer product list (reference c.2, c.4): create (`priority`, `public`, `quantity`
 * and `type` required; a `product` item needs a `productId`), get, update (`priority`, `public`,
 * `quantity`, `c_*`), delete. There is no catalog: any product id is accepted.
 *
 * @module
 */
import { json } from '../http.ts'
import { randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import type { CustomerRecord, ProductListItemRecord, ProductListRecord } from './model.ts'
import { notFound, productIdMissing } from './problems.ts'
import { ITEM_RULES, ITEM_UPDATE_RULES, itemView } from './productListModel.ts'
import { ownList } from './productLists.ts'
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

function ownItem(ctx: RequestContext, caller: ShopperCaller): FoundItem | { response: Response } {
  const found = ownList(ctx, caller)
  if ('response' in found) return found
  const itemId = ctx.params.itemId ?? ''
  const item = found.list.items.find((candidate) => candidate.id === itemId)
  return item ? { ...found, item } : { response: itemNotFound(itemId) }
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
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const found = ownList(ctx, caller)
  if ('response' in found) return found.response
  const request = body.value
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
  found.list.items.push(item)
  listChanged(ctx, found.record, found.list)
  return json(200, itemView(item))
}

/** getCustomerProductListItem. */
export function getCustomerProductListItem(ctx: RequestContext, caller: ShopperCaller): Response {
  const found = ownItem(ctx, caller)
  return 'response' in found ? found.response : json(200, itemView(found.item))
}

/** updateCustomerProductListItem. */
export async function updateCustomerProductListItem(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const found = ownItem(ctx, caller)
  if ('response' in found) return found.response
  const bad = firstInvalid(body.value, ITEM_UPDATE_RULES)
  if (bad !== undefined) return invalidField(bad)
  const change = changes(body.value, ITEM_UPDATE_RULES)
  // The three fields are required members of an item: null cannot remove them.
  for (const name of Object.keys(ITEM_UPDATE_RULES)) if (change[name] === null) delete change[name]
  const { item, list, record } = found
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
  if ('response' in found) return found.response
  found.list.items = found.list.items.filter((item) => item !== found.item)
  listChanged(ctx, found.record, found.list)
  return new Response(null, { status: 204 })
}
