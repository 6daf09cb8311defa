/**
 * What the emulator remembers about Shopper Customers data. Credentials, names and email stay on
 * the SLAS `ShopperRecord` (one source for /login and the profile); everything else a customer owns
 * lives in a {@link CustomerRecord}, keyed by customerId, for registered and guest customers alike.
 * Sub-resources are kept as their wire objects (custom `c_*` attributes included).
 *
 * @module
 */

/** A JSON object as sent or answered. */
export type JsonObject = Record<string, unknown>

/** A customer address: the wire object with its id and dates. */
export type AddressRecord = JsonObject & { addressId: string }

/** A stored payment instrument: only masked card data, never the full number. */
export type PaymentInstrumentRecord = JsonObject & { paymentInstrumentId: string; default: boolean }

/** A Salesforce Payments payment method reference. */
export interface PaymentMethodReferenceRecord {
  type: 'card' | 'sepa_debit'
  id: string
  last4: string
  accountId: string
}

/** A product list item (`CustomerProductListItem`). */
export type ProductListItemRecord = JsonObject & {
  id: string
  priority: number
  public: boolean
  quantity: number
  type: 'product' | 'gift_certificate'
}

/** A customer product list (`CustomerProductList`, items kept separately). */
export type ProductListRecord = JsonObject & {
  id: string
  type: string
  items: ProductListItemRecord[]
}

/** Everything a customer owns besides credentials. */
export interface CustomerRecord {
  customerId: string
  /** ISO date-times. */
  creationDate: string
  lastModified: string
  /** Writable profile fields other than login, email, firstName, lastName (and `c_*`). */
  profile: JsonObject
  addresses: AddressRecord[]
  paymentInstruments: PaymentInstrumentRecord[]
  paymentMethodReferences: PaymentMethodReferenceRecord[]
  productLists: ProductListRecord[]
  /**
   * Emulator time (ms) of the last password, reset or loginId change. Informational: access
   * tokens are judged by the change marking them (`AccessRecord.revokedBecause`), because a
   * frozen test clock makes "issued before" undecidable by time alone.
   */
  credentialsChangedAt: number | undefined
}

/** A password reset token (the "outbox" of `control.outbox()`). */
export interface ResetTokenRecord {
  resetToken: string
  customerId: string
  /** The login as stored when the token was issued. */
  login: string
  email: string
  /** Emulator time (ms). */
  issuedAt: number
  expiresAt: number
  /** Used, or replaced by a newer token for the same customer. */
  spent: boolean
}

/** A customer external profile (`CustomerExternalProfile`). */
export interface ExternalProfileRecord {
  customerId: string
  authenticationProviderId: string
  externalId: string
  email?: string
  firstName?: string
  lastName?: string
}

/** The key of an external profile: provider and external id. */
export function externalProfileKey(authenticationProviderId: string, externalId: string): string {
  return JSON.stringify([authenticationProviderId, externalId])
}

/** An order as seeded (`control.seedOrders`): any `Order` wire object. */
export type OrderRecord = JsonObject
