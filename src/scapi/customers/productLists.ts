/**
 * The customer's product lists (wish lists, registries, ...): list, create, read, update, delete.
 * Guest and registered tokens both work. Items are in `productListItems.ts`.
 *
 * @module
 */
import { jsonBody, noContent, type ScapiOperation } from '../scapiOperation.ts'
import {
  type CustomerParams,
  customersOperation,
  LIST_LIMITS,
  type ProductListParams,
  type WithBody,
} from './common.ts'
import {
  type CustomerProductList,
  type CustomerProductListRequest,
  CustomerProductListRequestSchema,
  type CustomerProductListResult,
  CustomerProductListResultSchema,
  CustomerProductListSchema,
} from './schemas/productList.ts'

const LISTS_ROUTE = '/customers/{customerId}/product-lists'
const LIST_ROUTE = `${LISTS_ROUTE}/{listId}` as const

/**
 * GET `/customers/{customerId}/product-lists`: all of the customer's lists.
 *
 * @example
 * ```ts
 * const { data } = await getCustomerProductLists(config, { accessToken, customerId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomerProductLists`
 */
export const getCustomerProductLists: ScapiOperation<CustomerParams, CustomerProductListResult> =
  customersOperation('getCustomerProductLists', `GET ${LISTS_ROUTE}`, {
    response: jsonBody(CustomerProductListResultSchema),
  })

/**
 * POST `/customers/{customerId}/product-lists`: creates a list.
 *
 * @example
 * ```ts
 * const list = await createCustomerProductList(config, {
 *   accessToken, customerId, body: { type: 'wish_list', name: 'Birthday' },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `createCustomerProductList`
 */
export const createCustomerProductList: ScapiOperation<
  WithBody<CustomerParams, CustomerProductListRequest>,
  CustomerProductList
> = customersOperation('createCustomerProductList', `POST ${LISTS_ROUTE}`, {
  body: CustomerProductListRequestSchema,
  response: jsonBody(CustomerProductListSchema),
})

/**
 * GET `/customers/{customerId}/product-lists/{listId}`; unknown list → `not_found`.
 *
 * @example
 * ```ts
 * const list = await getCustomerProductList(config, { accessToken, customerId, listId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomerProductList`
 */
export const getCustomerProductList: ScapiOperation<ProductListParams, CustomerProductList> =
  customersOperation('getCustomerProductList', `GET ${LIST_ROUTE}`, {
    pathLimits: LIST_LIMITS,
    response: jsonBody(CustomerProductListSchema),
  })

/**
 * PATCH `/customers/{customerId}/product-lists/{listId}`: `name`, `description` and `public`
 * change.
 *
 * @example
 * ```ts
 * await updateCustomerProductList(config, {
 *   accessToken, customerId, listId, body: { public: true },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `updateCustomerProductList`
 */
export const updateCustomerProductList: ScapiOperation<
  WithBody<ProductListParams, CustomerProductListRequest>,
  CustomerProductList
> = customersOperation('updateCustomerProductList', `PATCH ${LIST_ROUTE}`, {
  pathLimits: LIST_LIMITS,
  body: CustomerProductListRequestSchema,
  response: jsonBody(CustomerProductListSchema),
})

/**
 * DELETE `/customers/{customerId}/product-lists/{listId}` → 204.
 *
 * @example
 * ```ts
 * await deleteCustomerProductList(config, { accessToken, customerId, listId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `deleteCustomerProductList`
 */
export const deleteCustomerProductList: ScapiOperation<ProductListParams, void> =
  customersOperation('deleteCustomerProductList', `DELETE ${LIST_ROUTE}`, {
    pathLimits: LIST_LIMITS,
    response: noContent,
  })
