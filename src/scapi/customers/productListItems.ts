/**
 * The items of a customer's product list: create, read, update, delete.
 *
 * @module
 */
import { jsonBody, noContent, type ScapiOperation } from '../scapiOperation.ts'
import {
  customersOperation,
  LIST_LIMITS,
  type ProductListItemParams,
  type ProductListParams,
  type WithBody,
} from './common.ts'
import {
  type CustomerProductListItem,
  type CustomerProductListItemRequest,
  CustomerProductListItemRequestSchema,
  CustomerProductListItemSchema,
  type CustomerProductListItemUpdate,
  CustomerProductListItemUpdateSchema,
} from './schemas/productList.ts'

const ITEMS_ROUTE = '/customers/{customerId}/product-lists/{listId}/items'
const ITEM_ROUTE = `${ITEMS_ROUTE}/{itemId}` as const

/**
 * POST `/customers/{customerId}/product-lists/{listId}/items`: adds an item (`type` required; a
 * `product` item needs its `productId`).
 *
 * @example
 * ```ts
 * await createCustomerProductListItem(config, {
 *   accessToken, customerId, listId,
 *   body: { type: 'product', productId: '701643108633M', quantity: 1, priority: 1, public: false },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `createCustomerProductListItem`
 */
export const createCustomerProductListItem: ScapiOperation<
  WithBody<ProductListParams, CustomerProductListItemRequest>,
  CustomerProductListItem
> = customersOperation('createCustomerProductListItem', `POST ${ITEMS_ROUTE}`, {
  pathLimits: LIST_LIMITS,
  body: CustomerProductListItemRequestSchema,
  response: jsonBody(CustomerProductListItemSchema),
})

/**
 * GET `/customers/{customerId}/product-lists/{listId}/items/{itemId}`.
 *
 * @example
 * ```ts
 * const item = await getCustomerProductListItem(config, {
 *   accessToken, customerId, listId, itemId,
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomerProductListItem`
 */
export const getCustomerProductListItem: ScapiOperation<
  ProductListItemParams,
  CustomerProductListItem
> = customersOperation('getCustomerProductListItem', `GET ${ITEM_ROUTE}`, {
  pathLimits: LIST_LIMITS,
  response: jsonBody(CustomerProductListItemSchema),
})

/**
 * PATCH `/customers/{customerId}/product-lists/{listId}/items/{itemId}`: `priority`, `public`,
 * `quantity` and `c_*` change.
 *
 * @example
 * ```ts
 * await updateCustomerProductListItem(config, {
 *   accessToken, customerId, listId, itemId, body: { priority: 1, public: false, quantity: 2 },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `updateCustomerProductListItem`
 */
export const updateCustomerProductListItem: ScapiOperation<
  WithBody<ProductListItemParams, CustomerProductListItemUpdate>,
  CustomerProductListItem
> = customersOperation('updateCustomerProductListItem', `PATCH ${ITEM_ROUTE}`, {
  pathLimits: LIST_LIMITS,
  body: CustomerProductListItemUpdateSchema,
  response: jsonBody(CustomerProductListItemSchema),
})

/**
 * DELETE `/customers/{customerId}/product-lists/{listId}/items/{itemId}` → 204.
 *
 * @example
 * ```ts
 * await deleteCustomerProductListItem(config, { accessToken, customerId, listId, itemId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `deleteCustomerProductListItem`
 */
export const deleteCustomerProductListItem: ScapiOperation<ProductListItemParams, void> =
  customersOperation('deleteCustomerProductListItem', `DELETE ${ITEM_ROUTE}`, {
    pathLimits: LIST_LIMITS,
    response: noContent,
  })
