/**
 * What the Shopper Baskets operations share: the operation builder and the parameter types.
 *
 * @module
 */
import * as z from 'zod/mini'
import { shopperApi, type TokenParams } from '../scapiOperation.ts'

/** Declares a Shopper Baskets operation (`checkout/shopper-baskets/v1`). */
export const basketsOperation = shopperApi('baskets')

/** The optional `locale` query parameter, e.g. `en-US`. */
export const LOCALE_QUERY = { locale: z.optional(z.string().check(z.minLength(1))) }

/** Parameters with an optional `locale`. */
export interface LocaleParams extends TokenParams {
  /** Locale of the answer's texts, e.g. `en-US`. */
  locale?: string
}

/** A call on one basket. */
export interface BasketParams extends TokenParams {
  basketId: string
}
