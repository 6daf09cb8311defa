/**
 * The typed Shopper Baskets subset (`checkout/shopper-baskets/v1`): create, read, delete, add
 * items, set the customer, and move a guest's basket to the registered shopper.
 *
 * @module
 */
export * from './basket.ts'
export type { BasketParams, LocaleParams } from './common.ts'
export * from './contents.ts'
export * from './ownership.ts'
export * from './schemas/basket.ts'
export {
  type CustomerInfo,
  CustomerInfoSchema,
  type LineItemContainer,
  type OrderAddress,
  OrderAddressSchema,
  type ProductItem,
  ProductItemSchema,
  type ProductListItemReference,
} from './schemas/lineItems.ts'
