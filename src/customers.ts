/**
 * `shopper-session/customers`: the Shopper Customers and Shopper Baskets clients bound to a
 * session. Each call takes the session's current access token (refreshing first when needed),
 * defaults `customerId` to the session's shopper, and retries once after a 401 through the
 * session's `fetch`. Its own subpath, so pages that never show a profile do not load its schemas.
 *
 * @example
 * ```ts
 * import { createShopperCustomers } from 'shopper-session/customers'
 *
 * const customers = createShopperCustomers(session)
 * const profile = await customers.getCustomer({ expand: ['addresses'] })
 * await customers.createCustomerAddress({
 *   body: { addressId: 'home', countryCode: 'US', lastName: 'Lovelace' },
 * })
 * ```
 * @module
 */
import type { ShopperSession } from './session.ts'
import {
  addItemToBasket,
  createBasket,
  deleteBasket,
  getBasket,
  transferBasket,
  updateCustomerForBasket,
} from './scapi/baskets/index.ts'
import {
  createCustomerAddress,
  createCustomerPaymentInstrument,
  createCustomerProductList,
  createCustomerProductListItem,
  deleteCustomerPaymentInstrument,
  deleteCustomerPaymentMethodReference,
  deleteCustomerProductList,
  deleteCustomerProductListItem,
  getCustomer,
  getCustomerAddress,
  getCustomerBaskets,
  getCustomerOrders,
  getCustomerPaymentInstrument,
  getCustomerProductList,
  getCustomerProductListItem,
  getCustomerProductLists,
  getProductListItem,
  getPublicProductList,
  getPublicProductListItems,
  getPublicProductListsBySearchTerm,
  removeCustomerAddress,
  setupCustomerPaymentMethodReference,
  updateCustomer,
  updateCustomerAddress,
  updateCustomerPassword,
  updateCustomerPaymentInstrument,
  updateCustomerProductList,
  updateCustomerProductListItem,
} from './scapi/customers/index.ts'
import type { CallOptions } from './scapi/params.ts'
import type { ScapiClientConfig } from './scapi/scapiConfig.ts'
import type { ScapiOperation, TokenParams } from './scapi/scapiOperation.ts'

/** The parameters of a bound call: no token, and `customerId` optional (the session's shopper). */
export type SessionParams<P> = Omit<P, 'accessToken' | 'customerId'> &
  ('customerId' extends keyof P ? { customerId?: string } : unknown)

/** An operation bound to a session. */
export type SessionOperation<P, R> = {} extends SessionParams<P>
  ? (params?: SessionParams<P>, options?: CallOptions) => Promise<R>
  : (params: SessionParams<P>, options?: CallOptions) => Promise<R>

type Bound<Op> = Op extends ScapiOperation<infer P, infer R> ? SessionOperation<P, R> : never

/** What a bound call needs from the session. */
type SessionLike = Pick<ShopperSession, 'getAccessToken' | 'getTokens' | 'fetch' | 'scapi'>

function binder(session: SessionLike) {
  const config: ScapiClientConfig = {
    baseUrl: session.scapi.baseUrl,
    organizationId: session.scapi.organizationId,
    siteId: session.scapi.siteId,
    // The session's fetch puts the current token on the request and retries once after a 401.
    fetch: session.fetch,
  }
  return <P extends TokenParams, R>(operation: ScapiOperation<P, R>): Bound<ScapiOperation<P, R>> =>
    (async (params: Record<string, unknown> = {}, options?: CallOptions) => {
      const accessToken = await session.getAccessToken()
      const customerId = params.customerId ?? session.getTokens()?.customerId
      return operation(config, { ...params, accessToken, customerId } as unknown as P, options)
    }) as Bound<ScapiOperation<P, R>>
}

/**
 * Binds every shopper-token operation of Shopper Customers and the Shopper Baskets subset to
 * `session`. (Registration is `session.register()`; password reset and external profiles need an
 * Account Manager token: see `shopper-session/server`.)
 */
export function createShopperCustomers(session: SessionLike) {
  const bind = binder(session)
  return {
    getCustomer: bind(getCustomer),
    updateCustomer: bind(updateCustomer),
    updateCustomerPassword: bind(updateCustomerPassword),
    createCustomerAddress: bind(createCustomerAddress),
    getCustomerAddress: bind(getCustomerAddress),
    updateCustomerAddress: bind(updateCustomerAddress),
    removeCustomerAddress: bind(removeCustomerAddress),
    createCustomerPaymentInstrument: bind(createCustomerPaymentInstrument),
    getCustomerPaymentInstrument: bind(getCustomerPaymentInstrument),
    updateCustomerPaymentInstrument: bind(updateCustomerPaymentInstrument),
    deleteCustomerPaymentInstrument: bind(deleteCustomerPaymentInstrument),
    deleteCustomerPaymentMethodReference: bind(deleteCustomerPaymentMethodReference),
    setupCustomerPaymentMethodReference: bind(setupCustomerPaymentMethodReference),
    getCustomerProductLists: bind(getCustomerProductLists),
    createCustomerProductList: bind(createCustomerProductList),
    getCustomerProductList: bind(getCustomerProductList),
    updateCustomerProductList: bind(updateCustomerProductList),
    deleteCustomerProductList: bind(deleteCustomerProductList),
    createCustomerProductListItem: bind(createCustomerProductListItem),
    getCustomerProductListItem: bind(getCustomerProductListItem),
    updateCustomerProductListItem: bind(updateCustomerProductListItem),
    deleteCustomerProductListItem: bind(deleteCustomerProductListItem),
    getPublicProductListsBySearchTerm: bind(getPublicProductListsBySearchTerm),
    getPublicProductList: bind(getPublicProductList),
    getPublicProductListItems: bind(getPublicProductListItems),
    getProductListItem: bind(getProductListItem),
    getCustomerBaskets: bind(getCustomerBaskets),
    getCustomerOrders: bind(getCustomerOrders),
    createBasket: bind(createBasket),
    getBasket: bind(getBasket),
    deleteBasket: bind(deleteBasket),
    addItemToBasket: bind(addItemToBasket),
    updateCustomerForBasket: bind(updateCustomerForBasket),
    transferBasket: bind(transferBasket),
  }
}

/** The bound client of {@link createShopperCustomers}. */
export type ShopperCustomers = ReturnType<typeof createShopperCustomers>
