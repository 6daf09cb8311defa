/**
 * Changing what is in a basket: products (addItemToBasket) and its customer
 * (updateCustomerForBasket).
 *
 * @module
 */
import { jsonBody, type ScapiOperation } from '../scapiOperation.ts'
import {
  type BasketParams,
  basketsOperation,
  LOCALE_QUERY,
  type LocaleParams,
} from './common.ts'
import {
  type Basket,
  type CustomerInfoRequest,
  CustomerInfoRequestSchema,
  BasketSchema,
  type ProductItemRequest,
  ProductItemsRequestSchema,
} from './schemas/basket.ts'

/** Parameters of {@link addItemToBasket}. */
export interface AddItemToBasketParams extends BasketParams, LocaleParams {
  /** At least one item. */
  body: ProductItemRequest[]
}

/**
 * POST `/baskets/{basketId}/items`: adds products; an existing product's quantity grows or a new
 * line is added, per site preference.
 *
 * @example
 * ```ts
 * const basket = await addItemToBasket(config, {
 *   accessToken, basketId, body: [{ productId: '701643108633M', quantity: 1 }],
 * })
 * ```
 * @see `shopper-baskets-oas-v1-public.yaml` operationId `addItemToBasket`
 */
export const addItemToBasket: ScapiOperation<AddItemToBasketParams, Basket> = basketsOperation(
  'addItemToBasket',
  'POST /baskets/{basketId}/items',
  { query: LOCALE_QUERY, body: ProductItemsRequestSchema, response: jsonBody(BasketSchema) },
)

/** Parameters of {@link updateCustomerForBasket}. */
export interface UpdateCustomerForBasketParams extends BasketParams, LocaleParams {
  body: CustomerInfoRequest
}

/**
 * PUT `/baskets/{basketId}/customer`: sets the basket's customer email (and number, name).
 *
 * @example
 * ```ts
 * await updateCustomerForBasket(config, {
 *   accessToken, basketId, body: { email: 'jane@example.com' },
 * })
 * ```
 * @see `shopper-baskets-oas-v1-public.yaml` operationId `updateCustomerForBasket`
 */
export const updateCustomerForBasket: ScapiOperation<UpdateCustomerForBasketParams, Basket> =
  basketsOperation('updateCustomerForBasket', 'PUT /baskets/{basketId}/customer', {
    query: LOCALE_QUERY,
    body: CustomerInfoRequestSchema,
    response: jsonBody(BasketSchema),
  })
