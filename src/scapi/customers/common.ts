/**
 * What the Shopper Customers operations share: the API's operation builder, the parameter types
 * callers see and the path parameter limits of the Shopper Customers OpenAPI.
 *
 * @module
 */
import { pathParam, shopperApi, type TokenParams } from '../scapiOperation.ts'

/** Declares a Shopper Customers operation (`customer/shopper-customers/v1`). */
export const customersOperation = shopperApi('customers')

/** `addressName` is 1..256 characters. */
export const ADDRESS_LIMITS = { addressName: pathParam(256) }

/** `listId` is 1..28 characters. */
export const LIST_LIMITS = { listId: pathParam(28) }

/** A call on one customer: the shopper's token and their customer id (from the token's claims). */
export interface CustomerParams extends TokenParams {
  /** Must be the customer of the token, else the API answers 400 (`forbidden` here). */
  customerId: string
}

/** A call that sends a body. */
export type WithBody<P, B> = P & {
  /** The request body, checked before sending (`bad_request` names the bad field). */
  body: B
}

/** A call on one saved address. */
export interface CustomerAddressParams extends CustomerParams {
  /** The address id (`addressId`), 1..256 characters. */
  addressName: string
}

/** A call on one saved payment instrument. */
export interface PaymentInstrumentParams extends CustomerParams {
  paymentInstrumentId: string
}

/** A call on one of the customer's product lists. */
export interface ProductListParams extends CustomerParams {
  /** 1..28 characters. */
  listId: string
}

/** A call on one item of one of the customer's product lists. */
export interface ProductListItemParams extends ProductListParams {
  itemId: string
}
