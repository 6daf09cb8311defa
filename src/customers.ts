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
  type AddItemToBasketParams,
  addItemToBasket,
  type Basket,
  type BasketParams,
  type BasketsResult,
  type CreateBasketParams,
  createBasket,
  deleteBasket,
  type GetBasketParams,
  getBasket,
  type TransferBasketParams,
  transferBasket,
  type UpdateCustomerForBasketParams,
  updateCustomerForBasket,
} from './scapi/baskets/index.ts'
import {
  type Customer,
  type CustomerAddress,
  type CustomerAddressParams,
  type CustomerOrderResult,
  type CustomerParams,
  type CustomerPaymentInstrument,
  type CustomerPaymentInstrumentRequest,
  type CustomerPaymentInstrumentUpdateRequest,
  type CustomerProductList,
  type CustomerProductListItem,
  type CustomerProductListItemRequest,
  type CustomerProductListItemUpdate,
  type CustomerProductListRequest,
  type CustomerProductListResult,
  type CustomerUpdateBody,
  createCustomerAddress,
  createCustomerPaymentInstrument,
  createCustomerProductList,
  createCustomerProductListItem,
  type DeleteCustomerPaymentMethodReferenceParams,
  deleteCustomerPaymentInstrument,
  deleteCustomerPaymentMethodReference,
  deleteCustomerProductList,
  deleteCustomerProductListItem,
  type GetCustomerOrdersParams,
  type GetCustomerParams,
  type GetProductListItemParams,
  type GetPublicProductListItemsParams,
  type GetPublicProductListsBySearchTermParams,
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
  type PasswordChangeRequest,
  type PaymentInstrumentParams,
  type PaymentMethodReferenceSetupResponse,
  type ProductListItemParams,
  type ProductListParams,
  type PublicProductList,
  type PublicProductListItem,
  type PublicProductListItemResult,
  type PublicProductListParams,
  type PublicProductListResult,
  removeCustomerAddress,
  type SetupCustomerPaymentMethodReferenceParams,
  setupCustomerPaymentMethodReference,
  updateCustomer,
  updateCustomerAddress,
  updateCustomerPassword,
  updateCustomerPaymentInstrument,
  updateCustomerProductList,
  updateCustomerProductListItem,
  type WithBody,
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
 * The Shopper Customers and Shopper Baskets operations bound to a session (see
 * {@link createShopperCustomers}). Each takes the operation's parameters without `accessToken`,
 * with `customerId` optional, and answers with the operation's named type. Declared rather than
 * inferred, so hovers and the published `.d.ts` show `Promise<Customer>`, not the whole object.
 */
export interface ShopperCustomers {
  /** getCustomer: the registered shopper's profile. */
  getCustomer: SessionOperation<GetCustomerParams, Customer>
  /** updateCustomer: changes some profile fields (`login` needs `currentPassword`). */
  updateCustomer: SessionOperation<WithBody<CustomerParams, CustomerUpdateBody>, Customer>
  /** updateCustomerPassword: the tokens stop working afterwards; log in again. */
  updateCustomerPassword: SessionOperation<WithBody<CustomerParams, PasswordChangeRequest>, void>
  /** createCustomerAddress: saves a new address. */
  createCustomerAddress: SessionOperation<
    WithBody<CustomerParams, CustomerAddress>,
    CustomerAddress
  >
  /** getCustomerAddress: one saved address by its `addressName`. */
  getCustomerAddress: SessionOperation<CustomerAddressParams, CustomerAddress>
  /** updateCustomerAddress: replaces a saved address. */
  updateCustomerAddress: SessionOperation<
    WithBody<CustomerAddressParams, CustomerAddress>,
    CustomerAddress
  >
  /** removeCustomerAddress. */
  removeCustomerAddress: SessionOperation<CustomerAddressParams, void>
  /** createCustomerPaymentInstrument: saves a card, bank account or gift certificate. */
  createCustomerPaymentInstrument: SessionOperation<
    WithBody<CustomerParams, CustomerPaymentInstrumentRequest>,
    CustomerPaymentInstrument
  >
  /** getCustomerPaymentInstrument. */
  getCustomerPaymentInstrument: SessionOperation<PaymentInstrumentParams, CustomerPaymentInstrument>
  /** updateCustomerPaymentInstrument: the default flag and the card's expiry. */
  updateCustomerPaymentInstrument: SessionOperation<
    WithBody<PaymentInstrumentParams, CustomerPaymentInstrumentUpdateRequest>,
    CustomerPaymentInstrument
  >
  /** deleteCustomerPaymentInstrument. */
  deleteCustomerPaymentInstrument: SessionOperation<PaymentInstrumentParams, void>
  /** deleteCustomerPaymentMethodReference (Salesforce Payments). */
  deleteCustomerPaymentMethodReference: SessionOperation<
    DeleteCustomerPaymentMethodReferenceParams,
    void
  >
  /** setupCustomerPaymentMethodReference (Salesforce Payments). */
  setupCustomerPaymentMethodReference: SessionOperation<
    SetupCustomerPaymentMethodReferenceParams,
    PaymentMethodReferenceSetupResponse
  >
  /** getCustomerProductLists: all of the customer's lists. */
  getCustomerProductLists: SessionOperation<CustomerParams, CustomerProductListResult>
  /** createCustomerProductList. */
  createCustomerProductList: SessionOperation<
    WithBody<CustomerParams, CustomerProductListRequest>,
    CustomerProductList
  >
  /** getCustomerProductList. */
  getCustomerProductList: SessionOperation<ProductListParams, CustomerProductList>
  /** updateCustomerProductList: `name`, `description`, `public` and `c_*`. */
  updateCustomerProductList: SessionOperation<
    WithBody<ProductListParams, CustomerProductListRequest>,
    CustomerProductList
  >
  /** deleteCustomerProductList. */
  deleteCustomerProductList: SessionOperation<ProductListParams, void>
  /** createCustomerProductListItem: `type` required; a `product` item needs `productId`. */
  createCustomerProductListItem: SessionOperation<
    WithBody<ProductListParams, CustomerProductListItemRequest>,
    CustomerProductListItem
  >
  /** getCustomerProductListItem. */
  getCustomerProductListItem: SessionOperation<ProductListItemParams, CustomerProductListItem>
  /** updateCustomerProductListItem: `priority`, `public`, `quantity` and `c_*`. */
  updateCustomerProductListItem: SessionOperation<
    WithBody<ProductListItemParams, CustomerProductListItemUpdate>,
    CustomerProductListItem
  >
  /** deleteCustomerProductListItem. */
  deleteCustomerProductListItem: SessionOperation<ProductListItemParams, void>
  /** getPublicProductListsBySearchTerm: another shopper's public lists. */
  getPublicProductListsBySearchTerm: SessionOperation<
    GetPublicProductListsBySearchTermParams,
    PublicProductListResult
  >
  /** getPublicProductList. */
  getPublicProductList: SessionOperation<PublicProductListParams, PublicProductList>
  /** getPublicProductListItems. */
  getPublicProductListItems: SessionOperation<
    GetPublicProductListItemsParams,
    PublicProductListItemResult
  >
  /** getProductListItem: one item of a public list. */
  getProductListItem: SessionOperation<GetProductListItemParams, PublicProductListItem>
  /** getCustomerBaskets: the customer's open baskets. */
  getCustomerBaskets: SessionOperation<CustomerParams, BasketsResult>
  /** getCustomerOrders: one page of the customer's orders. */
  getCustomerOrders: SessionOperation<GetCustomerOrdersParams, CustomerOrderResult>
  /** createBasket: opens the shopper's basket (one per shopper). */
  createBasket: SessionOperation<CreateBasketParams, Basket>
  /** getBasket. */
  getBasket: SessionOperation<GetBasketParams, Basket>
  /** deleteBasket. */
  deleteBasket: SessionOperation<BasketParams, void>
  /** addItemToBasket: at least one item. */
  addItemToBasket: SessionOperation<AddItemToBasketParams, Basket>
  /** updateCustomerForBasket: the basket's customer email (and number, name). */
  updateCustomerForBasket: SessionOperation<UpdateCustomerForBasketParams, Basket>
  /** transferBasket: the guest's basket to the registered shopper; `undefined` when none. */
  transferBasket: SessionOperation<TransferBasketParams, Basket | undefined>
}

/**
 * Binds every shopper-token operation of Shopper Customers and the Shopper Baskets subset to
 * `session`. (Registration is `session.register()`; password reset and external profiles need an
 * Account Manager token: see `shopper-session/server`.)
 */
export function createShopperCustomers(session: SessionLike): ShopperCustomers {
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
