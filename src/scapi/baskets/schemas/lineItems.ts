/**
 * The parts baskets and orders share: addresses, the customer on the basket and product line
 * items. Only their types are checked; nested parts nobody here reads (price adjustments,
 * shipments, bundles) are kept as they come.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  optionalBoolean,
  optionalNumbers,
  optionalObjects,
  optionalStrings,
} from '../../schemaKit.ts'

/**
 * A billing or shipping address of a basket or order.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.OrderAddress
 */
export const OrderAddressSchema = z.looseObject(
  optionalStrings(
    'address1',
    'address2',
    'city',
    'companyName',
    'countryCode',
    'firstName',
    'fullName',
    'id',
    'jobTitle',
    'lastName',
    'phone',
    'postBox',
    'postalCode',
    'salutation',
    'secondName',
    'stateCode',
    'suffix',
    'suite',
    'title',
  ),
)

/** A billing or shipping address. */
export type OrderAddress = z.infer<typeof OrderAddressSchema>

/**
 * The customer a basket belongs to. The spec marks `email` required, but a new basket has none
 * until updateCustomerForBasket sets it, so a response without it is accepted.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.CustomerInfo
 */
export const CustomerInfoSchema = z.looseObject(
  optionalStrings('customerId', 'customerName', 'customerNo', 'email'),
)

/** The customer a basket belongs to. */
export type CustomerInfo = z.infer<typeof CustomerInfoSchema>

/**
 * A product line item.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.ProductItem
 */
export const ProductItemSchema = z.looseObject({
  ...optionalNumbers(
    'adjustedTax',
    'basePrice',
    'price',
    'priceAfterItemDiscount',
    'priceAfterOrderDiscount',
    'quantity',
    'tax',
    'taxBasis',
    'taxRate',
  ),
  ...optionalStrings(
    'bonusDiscountLineItemId',
    'giftMessage',
    'inventoryId',
    'itemId',
    'itemText',
    'productId',
    'productName',
    'qualifyingProductItemId',
    'shipmentId',
    'shippingItemId',
    'taxClassId',
  ),
  bonusProductLineItem: optionalBoolean(),
  bundledProductItems: optionalObjects(),
  gift: optionalBoolean(),
  optionItems: optionalObjects(),
  priceAdjustments: optionalObjects(),
  productListItem: z.optional(z.looseObject({ id: z.string() })),
})

/** A product line item. */
export type ProductItem = z.infer<typeof ProductItemSchema>

/** The fields baskets and orders share (totals, addresses, line items). */
export const lineItemContainerShape = {
  ...optionalNumbers(
    'adjustedMerchandizeTotalTax',
    'adjustedShippingTotalTax',
    'merchandizeTotalTax',
    'orderTotal',
    'productSubTotal',
    'productTotal',
    'shippingTotal',
    'shippingTotalTax',
    'taxTotal',
  ),
  ...optionalStrings('channelType', 'creationDate', 'currency', 'lastModified', 'sourceCode'),
  billingAddress: z.optional(OrderAddressSchema),
  bonusDiscountLineItems: optionalObjects(),
  couponItems: optionalObjects(),
  customerInfo: z.optional(CustomerInfoSchema),
  giftCertificateItems: optionalObjects(),
  groupedTaxItems: optionalObjects(),
  orderPriceAdjustments: optionalObjects(),
  paymentInstruments: optionalObjects(),
  productItems: z.optional(z.array(ProductItemSchema)),
  shipments: optionalObjects(),
  shippingItems: optionalObjects(),
  taxation: z.optional(z.enum(['gross', 'net'])),
  taxRoundedAtGroup: optionalBoolean(),
}
