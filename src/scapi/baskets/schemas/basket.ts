/**
 * The basket and the request bodies of the Shopper Baskets subset.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type CustomAttributes,
  filled,
  looseModel,
  optionalBoolean,
  optionalStrings,
  REQUEST,
} from '../../schemaKit.ts'
import { type LineItemContainer, lineItemContainerShape } from './lineItems.ts'

/**
 * A basket (Shopper Baskets and getCustomerBaskets).
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.Basket
 */
export interface Basket extends LineItemContainer {
  /** Created by an agent on the shopper's behalf. */
  agentBasket?: boolean
  basketId?: string
  /** ISO 8601: when the reserved inventory is released. */
  inventoryReservationExpiry?: string
  temporaryBasket?: boolean
}

/** A basket as the API returns it. */
export const BasketSchema = looseModel<Basket>()({
  ...lineItemContainerShape,
  ...optionalStrings('basketId', 'inventoryReservationExpiry'),
  agentBasket: optionalBoolean(),
  temporaryBasket: optionalBoolean(),
})

/**
 * The answer of getCustomerBaskets.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.BasketsResult
 */
export interface BasketsResult {
  baskets?: Basket[]
  total: number
}

/** The answer of getCustomerBaskets as the API returns it. */
export const BasketsResultSchema = looseModel<BasketsResult>()({
  baskets: z.optional(z.array(BasketSchema)),
  total: z.number(),
})

/**
 * The body of createBasket: usually `{}`; any basket field the API accepts may be set.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` operation createBasket
 */
export interface BasketRequest extends Basket {}

/** The body of createBasket. */
export const BasketRequestSchema: z.ZodMiniType<BasketRequest, BasketRequest> = BasketSchema

/**
 * An option of an option product to add: both ids must be valid for the product.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` operation addItemToBasket
 */
export interface OptionItemRequest {
  optionId: string
  optionValueId: string
}

/**
 * One product to add with addItemToBasket: the fields the API considers. `productId` and
 * `quantity` (0.01 to 999) are needed; `shipmentId` defaults to the default shipment.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` operation addItemToBasket
 */
export interface ProductItemRequest extends CustomAttributes {
  /** The product id (SKU), 1..100 characters. */
  productId: string
  /** 0.01 to 999. */
  quantity: number
  shipmentId?: string
  inventoryId?: string
  /** The bonus discount line item this product is the chosen bonus product of. */
  bonusDiscountLineItemId?: string
  optionItems?: OptionItemRequest[]
}

/** One product to add with addItemToBasket, with the spec's limits. */
export const ProductItemRequestSchema = looseModel<ProductItemRequest>()({
  productId: REQUEST.id(100),
  quantity: z.number().check(z.gte(0.01), z.lte(999)),
  ...optionalStrings('shipmentId', 'inventoryId', 'bonusDiscountLineItemId'),
  optionItems: z.optional(
    z.array(looseModel<OptionItemRequest>()({ optionId: z.string(), optionValueId: z.string() })),
  ),
})

/** The body of addItemToBasket: at least one item. */
export const ProductItemsRequestSchema = z
  .array(ProductItemRequestSchema)
  .check(z.minLength(1, 'must contain at least one item'))

/**
 * The body of updateCustomerForBasket (`customerId` is read only and ignored).
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.CustomerInfo
 */
export interface CustomerInfoRequest extends CustomAttributes {
  /** Must not be empty. */
  email: string
  customerName?: string
  customerNo?: string
}

/** The body of updateCustomerForBasket, with the spec's limits. */
export const CustomerInfoRequestSchema = looseModel<CustomerInfoRequest>()({
  email: filled(),
  ...optionalStrings('customerName', 'customerNo'),
})
