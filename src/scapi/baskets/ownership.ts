/**
 * Moving a guest's basket to the registered shopper after login: transferBasket (recommended) and
 * the deprecated mergeBasket. Both need a registered token whose SLAS session carried the guest's
 * USID, else they answer 403 (`forbidden`).
 *
 * @module
 */
import * as z from 'zod/mini'
import { jsonBody, jsonOrNoContent, type ScapiOperation } from '../scapiOperation.ts'
import { basketsOperation, LOCALE_QUERY, type LocaleParams } from './common.ts'
import { type Basket, BasketSchema } from './schemas/basket.ts'

/** How mergeBasket combines the same product found in both baskets. */
export type ProductItemMergeMode =
  | 'higher_quantity'
  | 'sum_quantities'
  | 'saved_quantity'
  | 'separate_item'

/** Parameters of {@link mergeBasket}. */
export interface MergeBasketParams extends LocaleParams {
  /** Create the registered shopper's basket when there is none; default `false` (then 409). */
  createDestinationBasket?: boolean
  /** Default `higher_quantity`. */
  productItemMergeMode?: ProductItemMergeMode
}

/**
 * POST `/baskets/actions/merge` (**deprecated** by Salesforce; prefer {@link transferBasket} with
 * `merge: true`): copies the guest basket into the registered shopper's and deletes it. No guest
 * basket, or no current basket without `createDestinationBasket` → `conflict`.
 *
 * @example
 * ```ts
 * const basket = await mergeBasket(config, { accessToken, createDestinationBasket: true })
 * ```
 * @see `shopper-baskets-oas-v1-public.yaml` operationId `mergeBasket`
 */
export const mergeBasket: ScapiOperation<MergeBasketParams, Basket> = basketsOperation(
  'mergeBasket',
  'POST /baskets/actions/merge',
  {
    query: {
      createDestinationBasket: z.optional(z.boolean()),
      productItemMergeMode: z.optional(
        z.enum(['higher_quantity', 'sum_quantities', 'saved_quantity', 'separate_item']),
      ),
      ...LOCALE_QUERY,
    },
    response: jsonBody(BasketSchema),
  },
)

/** Parameters of {@link transferBasket}. */
export interface TransferBasketParams extends LocaleParams {
  /** With `merge: false`: replace the registered shopper's basket instead of a 409. */
  overrideExisting?: boolean
  /** Merge through the `dw.order.mergeBasket` hook (recommended); never 409s. */
  merge?: boolean
}

/**
 * POST `/baskets/actions/transfer`: makes the guest's basket the registered shopper's. Resolves
 * to the basket, or `undefined` when neither shopper had one (204). Conflicts → `conflict`.
 *
 * @example
 * ```ts
 * const basket = await transferBasket(config, { accessToken, merge: true })
 * ```
 * @see `shopper-baskets-oas-v1-public.yaml` operationId `transferBasket`
 */
export const transferBasket: ScapiOperation<TransferBasketParams, Basket | undefined> =
  basketsOperation('transferBasket', 'POST /baskets/actions/transfer', {
    query: {
      overrideExisting: z.optional(z.boolean()),
      merge: z.optional(z.boolean()),
      ...LOCALE_QUERY,
    },
    response: jsonOrNoContent(BasketSchema),
  })
