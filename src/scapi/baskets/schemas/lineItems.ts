/**
 * The parts baskets and orders share: addresses, the customer on the basket and product line
 * items. Only their types are checked; nested parts nobody here reads (price adjustments,
 * shipments, bundles) are kept as they come ({@link UncheckedObject}).
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type CustomAttributes,
  looseModel,
  optionalBoolean,
  optionalNumbers,
  optionalObject,
  optionalObjects,
  optionalString,
  optionalStrings,
  type UncheckedObject,
} from '../../schemaKit.ts'

/**
 * A billing or shipping address of a basket or order.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.OrderAddress
 */
export interface OrderAddress extends CustomAttributes {
  address1?: string
  address2?: string
  city?: string
  companyName?: string
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  countryCode?: string
  firstName?: string
  fullName?: string
  id?: string
  jobTitle?: string
  lastName?: string
  phone?: string
  postBox?: string
  postalCode?: string
  salutation?: string
  secondName?: string
  stateCode?: string
  suffix?: string
  suite?: string
  title?: string
}

/** A billing or shipping address as the API returns it. */
export const OrderAddressSchema = looseModel<OrderAddress>()(
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

/**
 * The customer a basket belongs to. The spec marks `email` required, but a new basket has none
 * until updateCustomerForBasket sets it, so it is optional here.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.CustomerInfo
 */
export interface CustomerInfo extends CustomAttributes {
  customerId?: string
  customerName?: string
  customerNo?: string
  email?: string
}

/** The customer a basket belongs to, as the API returns it. */
export const CustomerInfoSchema = looseModel<CustomerInfo>()(
  optionalStrings('customerId', 'customerName', 'customerNo', 'email'),
)

/**
 * The product list item a line item was added from.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.ProductListItemReference
 */
export interface ProductListItemReference {
  id: string
  priority?: number
  productDetailsLink?: UncheckedObject
  /** A link to the list: its name, title, type, whether it is public. */
  productList?: UncheckedObject
  public?: boolean
  purchasedQuantity?: number
  quantity?: number
  /** `product` or `gift_certificate`. */
  type?: string
}

const ProductListItemReferenceSchema = looseModel<ProductListItemReference>()({
  id: z.string(),
  ...optionalNumbers('priority', 'purchasedQuantity', 'quantity'),
  productDetailsLink: optionalObject(),
  productList: optionalObject(),
  public: optionalBoolean(),
  type: optionalString(),
})

/**
 * A product line item. Prices are in the basket's or order's currency.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.ProductItem
 */
export interface ProductItem extends CustomAttributes {
  adjustedTax?: number
  basePrice?: number
  bonusDiscountLineItemId?: string
  bonusProductLineItem?: boolean
  bundledProductItems?: UncheckedObject[]
  gift?: boolean
  giftMessage?: string
  inventoryId?: string
  itemId?: string
  itemText?: string
  optionItems?: UncheckedObject[]
  price?: number
  priceAdjustments?: UncheckedObject[]
  priceAfterItemDiscount?: number
  priceAfterOrderDiscount?: number
  productId?: string
  productListItem?: ProductListItemReference
  productName?: string
  quantity?: number
  qualifyingProductItemId?: string
  shipmentId?: string
  shippingItemId?: string
  tax?: number
  taxBasis?: number
  taxClassId?: string
  taxRate?: number
}

/** A product line item as the API returns it. */
export const ProductItemSchema = looseModel<ProductItem>()({
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
  productListItem: z.optional(ProductListItemReferenceSchema),
})

/**
 * What baskets and orders share: totals, addresses, the customer and the line items. Totals are
 * in `currency`; the nested parts nobody here reads are passed through unchecked.
 *
 * @see `shopper-baskets-oas-v1-public.yaml` components.schemas.Basket
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.Order
 */
export interface LineItemContainer extends CustomAttributes {
  adjustedMerchandizeTotalTax?: number
  adjustedShippingTotalTax?: number
  billingAddress?: OrderAddress
  bonusDiscountLineItems?: UncheckedObject[]
  /** E.g. `storefront`; a plain string so a channel added later still parses. */
  channelType?: string
  couponItems?: UncheckedObject[]
  /** ISO 8601. */
  creationDate?: string
  /** ISO 4217, e.g. `USD`. */
  currency?: string
  customerInfo?: CustomerInfo
  giftCertificateItems?: UncheckedObject[]
  groupedTaxItems?: UncheckedObject[]
  /** ISO 8601. */
  lastModified?: string
  merchandizeTotalTax?: number
  orderPriceAdjustments?: UncheckedObject[]
  orderTotal?: number
  paymentInstruments?: UncheckedObject[]
  productItems?: ProductItem[]
  productSubTotal?: number
  productTotal?: number
  shipments?: UncheckedObject[]
  shippingItems?: UncheckedObject[]
  shippingTotal?: number
  shippingTotalTax?: number
  sourceCode?: string
  taxation?: 'gross' | 'net'
  taxRoundedAtGroup?: boolean
  taxTotal?: number
}

/** The shape of the fields baskets and orders share (see {@link LineItemContainer}). */
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
