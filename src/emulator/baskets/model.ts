/**
 * The basket model of the Shopper Baskets subset: what the emulator stores per basket, the `Basket`
 * JSON it answers, deterministic prices and the totals.
 *
 * Prices are the emulator's own: `basePrice` comes from `settings.baskets.priceOf(productId)`
 * (default: a stable hash of the product id, 1.00–100.99); no tax, shipping or promotions, so
 * `orderTotal` is the sum of the line prices.
 *
 * @module
 */
import { randomString } from '../ids.ts'

/** An option value chosen on a product item. */
export interface OptionItemRecord {
  optionId: string
  optionValueId: string
}

/** One product line. */
export interface ProductItemRecord {
  itemId: string
  productId: string
  /** 0.01–999. */
  quantity: number
  /** Unit price. */
  basePrice: number
  shipmentId: string
  inventoryId: string | undefined
  bonusDiscountLineItemId: string | undefined
  optionItems: OptionItemRecord[]
  /** `c_*` attributes. */
  custom: Record<string, unknown>
}

/** `customerInfo` of a basket (the owner's id is {@link BasketRecord.customerId}). */
export interface BasketCustomerInfo {
  email: string | undefined
  customerName: string | undefined
  customerNo: string | undefined
  /** `c_*` attributes. */
  custom: Record<string, unknown>
}

/** A stored basket. Read by Shopper Customers `getCustomerBaskets` too. */
export interface BasketRecord {
  basketId: string
  /** Owner: the guest customer id (`gcid`) or the registered one (`rcid`). */
  customerId: string
  siteId: string
  currency: string
  taxMode: 'internal' | 'external'
  customerInfo: BasketCustomerInfo
  productItems: ProductItemRecord[]
  shipments: { shipmentId: string }[]
  /** `c_*` attributes of the basket. */
  custom: Record<string, unknown>
  /** Emulator time (ms). */
  creationDate: number
  lastModified: number
}

/** Basket options of `createEmulator`. */
export interface BasketOptions {
  /** Currency of new baskets (ISO 4217). Default `USD`. */
  currency?: string
  /**
   * Unit price of a product (finite, ≥ 0). Default: a stable hash of the product id mapped to
   * 1.00–100.99, so the same product always costs the same.
   */
  priceOf?: (productId: string) => number
}

/** Resolved basket settings. */
export interface BasketSettings {
  currency: string
  priceOf: (productId: string) => number
}

/** The id of the shipment every basket starts with (the real default shipment id). */
export const DEFAULT_SHIPMENT_ID = 'me'
/** Largest quantity of one line (addItemToBasket allows 0.01 to 999). */
export const MAX_QUANTITY = 999
/** Smallest quantity of one line. */
export const MIN_QUANTITY = 0.01

/** FNV-1a over the UTF-16 code units: stable across runs and runtimes. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** The default price: 1.00–100.99 from a hash of the product id. */
export function defaultPrice(productId: string): number {
  return 1 + (hash(productId) % 10_000) / 100
}

/** Applies the defaults; throws a `TypeError` for options that cannot work. */
export function resolveBasketSettings(options: BasketOptions = {}): BasketSettings {
  const currency = options.currency ?? 'USD'
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new TypeError(`createEmulator: baskets.currency must be 3 upper-case letters`)
  }
  if (options.priceOf !== undefined && typeof options.priceOf !== 'function') {
    throw new TypeError('createEmulator: baskets.priceOf must be a function')
  }
  return { currency, priceOf: options.priceOf ?? defaultPrice }
}

/** Rounds money to cents. */
export function money(amount: number): number {
  return Math.round(amount * 100) / 100
}

/** A basket or item id in the real shape (26 lower-case hex characters). */
export function basketObjectId(): string {
  return randomString(26, '0123456789abcdef')
}

/** The baskets of `customerId` on `siteId` (at most one while the quota rule holds). */
export function basketsOf(
  baskets: ReadonlyMap<string, BasketRecord>,
  customerId: string,
  siteId: string,
): BasketRecord[] {
  return [...baskets.values()].filter((b) => b.customerId === customerId && b.siteId === siteId)
}

function line(item: ProductItemRecord): number {
  return money(item.basePrice * item.quantity)
}

function itemToWire(item: ProductItemRecord): Record<string, unknown> {
  const price = line(item)
  return {
    ...item.custom,
    itemId: item.itemId,
    productId: item.productId,
    // No catalog: the product name is the product id.
    productName: item.productId,
    itemText: item.productId,
    quantity: item.quantity,
    basePrice: item.basePrice,
    price,
    priceAfterItemDiscount: price,
    priceAfterOrderDiscount: price,
    tax: 0,
    taxBasis: price,
    adjustedTax: 0,
    shipmentId: item.shipmentId,
    gift: false,
    bonusProductLineItem: false,
    ...(item.inventoryId === undefined ? {} : { inventoryId: item.inventoryId }),
    ...(item.bonusDiscountLineItemId === undefined
      ? {}
      : { bonusDiscountLineItemId: item.bonusDiscountLineItemId }),
    ...(item.optionItems.length === 0
      ? {}
      : {
          optionItems: item.optionItems.map((o) => ({
            optionId: o.optionId,
            optionValueId: o.optionValueId,
            quantity: item.quantity,
            basePrice: 0,
            price: 0,
            priceAfterItemDiscount: 0,
            priceAfterOrderDiscount: 0,
            shipmentId: item.shipmentId,
          })),
        }),
  }
}

/** The `Basket` JSON (the subset the emulator models). */
export function basketToWire(basket: BasketRecord): Record<string, unknown> {
  const { customerInfo } = basket
  const productItems = basket.productItems.map(itemToWire)
  const productTotal = money(basket.productItems.reduce((sum, item) => sum + line(item), 0))
  return {
    ...basket.custom,
    basketId: basket.basketId,
    currency: basket.currency,
    customerInfo: {
      ...customerInfo.custom,
      customerId: basket.customerId,
      ...(customerInfo.customerName === undefined
        ? {}
        : { customerName: customerInfo.customerName }),
      ...(customerInfo.customerNo === undefined ? {} : { customerNo: customerInfo.customerNo }),
      ...(customerInfo.email === undefined ? {} : { email: customerInfo.email }),
    },
    productItems,
    shipments: basket.shipments.map((s) => ({
      shipmentId: s.shipmentId,
      gift: false,
      productSubTotal: money(
        basket.productItems
          .filter((item) => item.shipmentId === s.shipmentId)
          .reduce((sum, item) => sum + line(item), 0),
      ),
      shippingTotal: 0,
      taxTotal: 0,
    })),
    couponItems: [],
    giftCertificateItems: [],
    orderPriceAdjustments: [],
    paymentInstruments: [],
    productSubTotal: productTotal,
    productTotal,
    merchandizeTotalTax: 0,
    shippingTotal: 0,
    taxTotal: 0,
    orderTotal: productTotal,
    taxation: 'gross',
    channelType: 'storefront',
    agentBasket: false,
    creationDate: new Date(basket.creationDate).toISOString(),
    lastModified: new Date(basket.lastModified).toISOString(),
  }
}
