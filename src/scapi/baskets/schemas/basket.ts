/**
 * The basket and the request bodies of the Shopper Baskets subset (reference d).
 *
 * @module
 */
import * as z from 'zod/mini'
import { filled, optionalBoolean, optionalStrings, REQUEST } from '../../schemaKit.ts'
import { lineItemContainerShape } from './lineItems.ts'

/**
 * A basket as the API returns it (Shopper Baskets and getCustomerBaskets).
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.Basket
 */
export const BasketSchema = z.looseObject({
  ...lineItemContainerShape,
  ...optionalStrings('basketId', 'inventoryReservationExpiry'),
  agentBasket: optionalBoolean(),
  temporaryBasket: optionalBoolean(),
})

/** A basket. */
export type Basket = z.infer<typeof BasketSchema>

/**
 * The answer of getCustomerBaskets.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.BasketsResult
 */
export const BasketsResultSchema = z.looseObject({
  baskets: z.optional(z.array(BasketSchema)),
  total: z.number(),
})

/** The answer of getCustomerBaskets. */
export type BasketsResult = z.infer<typeof BasketsResultSchema>

/**
 * The body of createBasket: usually `{}`; any basket field the API accepts may be set.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` operation createBasket
 */
export const BasketRequestSchema = BasketSchema

/** The body of createBasket. */
export type BasketRequest = z.input<typeof BasketRequestSchema>

/**
 * One product to add with addItemToBasket: `productId` and `quantity` (0.01 to 999) are needed;
 * `shipmentId` defaults to the default shipment.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.ProductItem
 */
export const ProductItemRequestSchema = z.looseObject({
  productId: REQUEST.id(100),
  quantity: z.number().check(z.gte(0.01), z.lte(999)),
  ...optionalStrings('shipmentId', 'inventoryId', 'bonusDiscountLineItemId'),
  optionItems: z.optional(
    z.array(z.looseObject({ optionId: z.string(), optionValueId: z.string() })),
  ),
})

/** One product to add with addItemToBasket. */
export type ProductItemRequest = z.input<typeof ProductItemRequestSchema>

/** The body of addItemToBasket: at least one item. */
export const ProductItemsRequestSchema = z
  .array(ProductItemRequestSchema)
  .check(z.minLength(1, 'must contain at least one item'))

/**
 * The body of updateCustomerForBasket (`customerId` is read only and ignored).
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.CustomerInfo
 */
export const CustomerInfoRequestSchema = z.looseObject({
  email: filled(),
  ...optionalStrings('customerName', 'customerNo'),
})

/** The body of updateCustomerForBasket. */
export type CustomerInfoRequest = z.input<typeof CustomerInfoRequestSchema>
