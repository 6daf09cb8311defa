/**
 * Creating, reading and deleting a basket.
 *
 * @module
 */
import * as z from 'zod/mini'
import { jsonBody, noContent, type ScapiOperation } from '../scapiOperation.ts'
import { type BasketParams, basketsOperation, LOCALE_QUERY, type LocaleParams } from './common.ts'
import {
  type Basket,
  type BasketRequest,
  BasketRequestSchema,
  BasketSchema,
} from './schemas/basket.ts'

/** Parameters of {@link createBasket}. */
export interface CreateBasketParams extends LocaleParams {
  /** `external`: taxes come from the caller; default `internal`. */
  taxMode?: 'internal' | 'external'
  /** The new basket's fields; usually `{}`. */
  body: BasketRequest
}

/**
 * POST `/baskets`: opens the shopper's basket. A shopper has at most one: a second one maps to
 * `conflict` (Customer Baskets Quota Exceeded, with the open basket's id in the server text).
 *
 * @example
 * ```ts
 * const basket = await createBasket(config, { accessToken, body: {} })
 * ```
 * @see `shopper-baskets-oas-v1-public.yaml` operationId `createBasket`
 */
export const createBasket: ScapiOperation<CreateBasketParams, Basket> = basketsOperation(
  'createBasket',
  'POST /baskets',
  {
    query: { taxMode: z.optional(z.enum(['internal', 'external'])), ...LOCALE_QUERY },
    body: BasketRequestSchema,
    response: jsonBody(BasketSchema),
  },
)

/** Parameters of {@link getBasket}. */
export interface GetBasketParams extends BasketParams, LocaleParams {}

/**
 * GET `/baskets/{basketId}`; unknown basket → `not_found`.
 *
 * @example
 * ```ts
 * const basket = await getBasket(config, { accessToken, basketId })
 * ```
 * @see `shopper-baskets-oas-v1-public.yaml` operationId `getBasket`
 */
export const getBasket: ScapiOperation<GetBasketParams, Basket> = basketsOperation(
  'getBasket',
  'GET /baskets/{basketId}',
  { query: LOCALE_QUERY, response: jsonBody(BasketSchema) },
)

/**
 * DELETE `/baskets/{basketId}` → 204.
 *
 * @example
 * ```ts
 * await deleteBasket(config, { accessToken, basketId })
 * ```
 * @see `shopper-baskets-oas-v1-public.yaml` operationId `deleteBasket`
 */
export const deleteBasket: ScapiOperation<BasketParams, void> = basketsOperation(
  'deleteBasket',
  'DELETE /baskets/{basketId}',
  { response: noContent },
)
