/**
 * Valid Shopper Customers and Baskets bodies (with a custom attribute each, to see that unknown
 * keys survive parsing), and a table of every operation with a valid call, for the request-shape
 * and malformed-response tests.
 */
import * as scapi from '../../src/scapi/index.ts'
import type { ScapiClientConfig } from '../../src/scapi/scapiConfig.ts'

export const ACCESS_TOKEN = 'shopper-access-token.Zq81xLm'
export const AM_TOKEN = 'account-manager-token.Pq72'
export const CUSTOMER_ID = 'abxHc1lblIlKwRl0k1mqYYkewY'

export const ADDRESS = {
  addressId: 'home',
  countryCode: 'US',
  lastName: 'Lovelace',
  city: 'London',
  c_floor: 3,
}

export const CUSTOMER = {
  customerId: CUSTOMER_ID,
  customerNo: '00001',
  authType: 'registered',
  login: 'ada@example.com',
  email: 'ada@example.com',
  lastName: 'Lovelace',
  addresses: [ADDRESS],
  paymentInstruments: [{ paymentInstrumentId: 'pi-1', paymentCard: { maskedNumber: '****1111' } }],
  c_loyaltyTier: 'gold',
}

export const PAYMENT_INSTRUMENT = {
  paymentInstrumentId: 'pi-1',
  paymentMethodId: 'CREDIT_CARD',
  paymentCard: { cardType: 'Visa', maskedNumber: '************1111', expirationYear: 2030 },
  default: true,
}

export const LIST_ITEM = { id: 'item-1', priority: 1, public: false, quantity: 2, type: 'product' }

export const PRODUCT_LIST = {
  id: 'list-1',
  type: 'wish_list',
  public: false,
  customerProductListItems: [LIST_ITEM],
  c_occasion: 'birthday',
}

export const PUBLIC_LIST = { id: 'list-1', public: true, type: 'wish_list', productListItems: [] }
export const PUBLIC_ITEM = { id: 'item-1', priority: 1, type: 'product' }

export const BASKET = {
  basketId: 'basket-1',
  currency: 'USD',
  customerInfo: { customerId: CUSTOMER_ID },
  productItems: [{ itemId: 'li-1', productId: '701643108633M', quantity: 1, c_engraving: 'A' }],
  c_channel: 'web',
}

export const ORDER = { orderNo: '00000101', status: 'new', orderTotal: 42, productItems: [] }

const customer = { accessToken: ACCESS_TOKEN, customerId: CUSTOMER_ID }
const list = { ...customer, listId: 'list-1' }
const cardRequest = {
  cardType: 'Visa',
  expirationMonth: 12,
  expirationYear: 2030,
  holder: 'Ada Lovelace',
  issueNumber: '1',
  number: '4111111111111111',
  validFromMonth: 1,
  validFromYear: 2020,
}

/** One operation: a valid call, what it must send, and a valid answer. */
export interface OperationCase {
  name: string
  call: (config: ScapiClientConfig) => Promise<unknown>
  method: string
  /** Path after the API prefix and organization, e.g. `customers/abc`. */
  path: string
  /** Query parameters besides `siteId`. */
  query?: Record<string, string>
  body?: unknown
  /** The Bearer token it must send; default {@link ACCESS_TOKEN}. */
  token?: string
  /** The answer's body (`undefined`: 204). */
  answer?: unknown
  api: 'customers' | 'baskets'
}

const C = 'customers' as const
const B = 'baskets' as const
const customerPath = `customers/${CUSTOMER_ID}`

export const OPERATIONS: OperationCase[] = [
  {
    name: 'registerCustomer',
    call: (c) =>
      scapi.registerCustomer(c, {
        accessToken: ACCESS_TOKEN,
        body: {
          customer: { login: 'ada@example.com', email: 'ada@example.com', lastName: 'Lovelace' },
          password: 'Ada-Lovelace-1815',
        },
      }),
    method: 'POST',
    path: 'customers',
    body: {
      customer: { login: 'ada@example.com', email: 'ada@example.com', lastName: 'Lovelace' },
      password: 'Ada-Lovelace-1815',
    },
    answer: CUSTOMER,
    api: C,
  },
  {
    name: 'getCustomer',
    call: (c) => scapi.getCustomer(c, { ...customer, expand: ['addresses', 'paymentinstruments'] }),
    method: 'GET',
    path: customerPath,
    query: { expand: 'addresses,paymentinstruments' },
    answer: CUSTOMER,
    api: C,
  },
  {
    name: 'updateCustomer',
    call: (c) => scapi.updateCustomer(c, { ...customer, body: { firstName: 'Ada', c_x: 1 } }),
    method: 'PATCH',
    path: customerPath,
    body: { firstName: 'Ada', c_x: 1 },
    answer: CUSTOMER,
    api: C,
  },
  {
    name: 'updateCustomerPassword',
    call: (c) =>
      scapi.updateCustomerPassword(c, {
        ...customer,
        body: { currentPassword: 'old-Pass-1', password: 'new-Pass-2' },
      }),
    method: 'PUT',
    path: `${customerPath}/password`,
    body: { currentPassword: 'old-Pass-1', password: 'new-Pass-2' },
    api: C,
  },
  {
    name: 'getResetPasswordToken',
    token: AM_TOKEN,
    call: (c) =>
      scapi.getResetPasswordToken(c, { accessToken: AM_TOKEN, body: { login: 'ada@example.com' } }),
    method: 'POST',
    path: 'customers/password/actions/create-reset-token',
    body: { login: 'ada@example.com' },
    answer: {
      login: 'ada@example.com',
      email: 'ada@example.com',
      resetToken: 'r',
      expiresInMinutes: 30,
    },
    api: C,
  },
  {
    name: 'resetPassword',
    token: AM_TOKEN,
    call: (c) =>
      scapi.resetPassword(c, {
        accessToken: AM_TOKEN,
        body: { resetToken: 'r', login: 'ada@example.com', newPassword: 'new-Pass-2' },
      }),
    method: 'POST',
    path: 'customers/password/actions/reset',
    body: { resetToken: 'r', login: 'ada@example.com', newPassword: 'new-Pass-2' },
    api: C,
  },
  {
    name: 'getExternalProfile',
    token: AM_TOKEN,
    call: (c) =>
      scapi.getExternalProfile(c, {
        accessToken: AM_TOKEN,
        externalId: 'ext-1',
        authenticationProviderId: 'google',
      }),
    method: 'GET',
    path: 'customers/external-profile',
    query: { externalId: 'ext-1', authenticationProviderId: 'google' },
    answer: { customerId: CUSTOMER_ID, externalId: 'ext-1', authenticationProviderId: 'google' },
    api: C,
  },
  {
    name: 'registerExternalProfile',
    call: (c) =>
      scapi.registerExternalProfile(c, {
        accessToken: ACCESS_TOKEN,
        body: { externalId: 'ext-1', authenticationProviderId: 'google' },
      }),
    method: 'POST',
    path: 'customers/external-profile',
    body: { externalId: 'ext-1', authenticationProviderId: 'google' },
    answer: { customerId: CUSTOMER_ID, externalId: 'ext-1', authenticationProviderId: 'google' },
    api: C,
  },
  {
    name: 'createCustomerAddress',
    call: (c) => scapi.createCustomerAddress(c, { ...customer, body: ADDRESS }),
    method: 'POST',
    path: `${customerPath}/addresses`,
    body: ADDRESS,
    answer: ADDRESS,
    api: C,
  },
  {
    name: 'getCustomerAddress',
    call: (c) => scapi.getCustomerAddress(c, { ...customer, addressName: 'my home/2' }),
    method: 'GET',
    path: `${customerPath}/addresses/my%20home%2F2`,
    answer: ADDRESS,
    api: C,
  },
  {
    name: 'updateCustomerAddress',
    call: (c) =>
      scapi.updateCustomerAddress(c, { ...customer, addressName: 'home', body: ADDRESS }),
    method: 'PATCH',
    path: `${customerPath}/addresses/home`,
    body: ADDRESS,
    answer: ADDRESS,
    api: C,
  },
  {
    name: 'removeCustomerAddress',
    call: (c) => scapi.removeCustomerAddress(c, { ...customer, addressName: 'home' }),
    method: 'DELETE',
    path: `${customerPath}/addresses/home`,
    api: C,
  },
  {
    name: 'createCustomerPaymentInstrument',
    call: (c) =>
      scapi.createCustomerPaymentInstrument(c, {
        ...customer,
        body: { paymentMethodId: 'CREDIT_CARD', paymentCard: cardRequest },
      }),
    method: 'POST',
    path: `${customerPath}/payment-instruments`,
    body: { paymentMethodId: 'CREDIT_CARD', paymentCard: cardRequest },
    answer: PAYMENT_INSTRUMENT,
    api: C,
  },
  {
    name: 'getCustomerPaymentInstrument',
    call: (c) =>
      scapi.getCustomerPaymentInstrument(c, { ...customer, paymentInstrumentId: 'pi-1' }),
    method: 'GET',
    path: `${customerPath}/payment-instruments/pi-1`,
    answer: PAYMENT_INSTRUMENT,
    api: C,
  },
  {
    name: 'updateCustomerPaymentInstrument',
    call: (c) =>
      scapi.updateCustomerPaymentInstrument(c, {
        ...customer,
        paymentInstrumentId: 'pi-1',
        body: { default: true, paymentCard: { expirationMonth: 1, expirationYear: 2031 } },
      }),
    method: 'PATCH',
    path: `${customerPath}/payment-instruments/pi-1`,
    body: { default: true, paymentCard: { expirationMonth: 1, expirationYear: 2031 } },
    answer: PAYMENT_INSTRUMENT,
    api: C,
  },
  {
    name: 'deleteCustomerPaymentInstrument',
    call: (c) =>
      scapi.deleteCustomerPaymentInstrument(c, { ...customer, paymentInstrumentId: 'pi-1' }),
    method: 'DELETE',
    path: `${customerPath}/payment-instruments/pi-1`,
    api: C,
  },
  {
    name: 'deleteCustomerPaymentMethodReference',
    call: (c) =>
      scapi.deleteCustomerPaymentMethodReference(c, {
        ...customer,
        paymentMethodReferenceId: 'pm-1',
        accountId: 'acct-1',
      }),
    method: 'DELETE',
    path: `${customerPath}/payment-method-references/pm-1`,
    query: { accountId: 'acct-1' },
    api: C,
  },
  {
    name: 'setupCustomerPaymentMethodReference',
    call: (c) =>
      scapi.setupCustomerPaymentMethodReference(c, {
        ...customer,
        zoneId: 'zone-1',
        body: { gatewayProperties: { stripe: { setupFutureUsage: 'off_session' } } },
      }),
    method: 'POST',
    path: `${customerPath}/payment-method-references/actions/setup`,
    query: { zoneId: 'zone-1' },
    body: { gatewayProperties: { stripe: { setupFutureUsage: 'off_session' } } },
    answer: { paymentMethodReferenceSetupId: 'setup-1' },
    api: C,
  },
  {
    name: 'getCustomerProductLists',
    call: (c) => scapi.getCustomerProductLists(c, customer),
    method: 'GET',
    path: `${customerPath}/product-lists`,
    answer: { data: [PRODUCT_LIST], limit: 10, total: 1 },
    api: C,
  },
  {
    name: 'createCustomerProductList',
    call: (c) => scapi.createCustomerProductList(c, { ...customer, body: { type: 'wish_list' } }),
    method: 'POST',
    path: `${customerPath}/product-lists`,
    body: { type: 'wish_list' },
    answer: PRODUCT_LIST,
    api: C,
  },
  {
    name: 'getCustomerProductList',
    call: (c) => scapi.getCustomerProductList(c, list),
    method: 'GET',
    path: `${customerPath}/product-lists/list-1`,
    answer: PRODUCT_LIST,
    api: C,
  },
  {
    name: 'updateCustomerProductList',
    call: (c) => scapi.updateCustomerProductList(c, { ...list, body: { name: 'Birthday' } }),
    method: 'PATCH',
    path: `${customerPath}/product-lists/list-1`,
    body: { name: 'Birthday' },
    answer: PRODUCT_LIST,
    api: C,
  },
  {
    name: 'deleteCustomerProductList',
    call: (c) => scapi.deleteCustomerProductList(c, list),
    method: 'DELETE',
    path: `${customerPath}/product-lists/list-1`,
    api: C,
  },
  {
    name: 'createCustomerProductListItem',
    call: (c) =>
      scapi.createCustomerProductListItem(c, {
        ...list,
        body: { type: 'product', productId: 'p-1', priority: 1, public: false, quantity: 1 },
      }),
    method: 'POST',
    path: `${customerPath}/product-lists/list-1/items`,
    body: { type: 'product', productId: 'p-1', priority: 1, public: false, quantity: 1 },
    answer: LIST_ITEM,
    api: C,
  },
  {
    name: 'getCustomerProductListItem',
    call: (c) => scapi.getCustomerProductListItem(c, { ...list, itemId: 'item-1' }),
    method: 'GET',
    path: `${customerPath}/product-lists/list-1/items/item-1`,
    answer: LIST_ITEM,
    api: C,
  },
  {
    name: 'updateCustomerProductListItem',
    call: (c) =>
      scapi.updateCustomerProductListItem(c, {
        ...list,
        itemId: 'item-1',
        body: { priority: 2, public: true, quantity: 3 },
      }),
    method: 'PATCH',
    path: `${customerPath}/product-lists/list-1/items/item-1`,
    body: { priority: 2, public: true, quantity: 3 },
    answer: LIST_ITEM,
    api: C,
  },
  {
    name: 'deleteCustomerProductListItem',
    call: (c) => scapi.deleteCustomerProductListItem(c, { ...list, itemId: 'item-1' }),
    method: 'DELETE',
    path: `${customerPath}/product-lists/list-1/items/item-1`,
    api: C,
  },
  {
    name: 'getPublicProductListsBySearchTerm',
    call: (c) =>
      scapi.getPublicProductListsBySearchTerm(c, {
        accessToken: ACCESS_TOKEN,
        email: 'ada@example.com',
      }),
    method: 'GET',
    path: 'product-lists',
    query: { email: 'ada@example.com' },
    answer: { data: [{ id: 'list-1', title: 'Wishes', type: 'wish_list' }], limit: 10, total: 1 },
    api: C,
  },
  {
    name: 'getPublicProductList',
    call: (c) => scapi.getPublicProductList(c, { accessToken: ACCESS_TOKEN, listId: 'list-1' }),
    method: 'GET',
    path: 'product-lists/list-1',
    answer: PUBLIC_LIST,
    api: C,
  },
  {
    name: 'getPublicProductListItems',
    call: (c) =>
      scapi.getPublicProductListItems(c, {
        accessToken: ACCESS_TOKEN,
        listId: 'list-1',
        expand: ['product', 'images'],
      }),
    method: 'GET',
    path: 'product-lists/list-1/items',
    query: { expand: 'product,images' },
    answer: { limit: 10, total: 1, data: [PUBLIC_ITEM] },
    api: C,
  },
  {
    name: 'getProductListItem',
    call: (c) =>
      scapi.getProductListItem(c, {
        accessToken: ACCESS_TOKEN,
        listId: 'list-1',
        itemId: 'item-1',
      }),
    method: 'GET',
    path: 'product-lists/list-1/items/item-1',
    answer: PUBLIC_ITEM,
    api: C,
  },
  {
    name: 'getCustomerBaskets',
    call: (c) => scapi.getCustomerBaskets(c, customer),
    method: 'GET',
    path: `${customerPath}/baskets`,
    answer: { baskets: [BASKET], total: 1 },
    api: C,
  },
  {
    name: 'getCustomerOrders',
    call: (c) =>
      scapi.getCustomerOrders(c, { ...customer, limit: 20, offset: 40, crossSites: false }),
    method: 'GET',
    path: `${customerPath}/orders`,
    query: { limit: '20', offset: '40', crossSites: 'false' },
    answer: { data: [ORDER], offset: 40, limit: 20, total: 41 },
    api: C,
  },
  {
    name: 'createBasket',
    call: (c) => scapi.createBasket(c, { accessToken: ACCESS_TOKEN, locale: 'en-US', body: {} }),
    method: 'POST',
    path: 'baskets',
    query: { locale: 'en-US' },
    body: {},
    answer: BASKET,
    api: B,
  },
  {
    name: 'getBasket',
    call: (c) => scapi.getBasket(c, { accessToken: ACCESS_TOKEN, basketId: 'basket-1' }),
    method: 'GET',
    path: 'baskets/basket-1',
    answer: BASKET,
    api: B,
  },
  {
    name: 'deleteBasket',
    call: (c) => scapi.deleteBasket(c, { accessToken: ACCESS_TOKEN, basketId: 'basket-1' }),
    method: 'DELETE',
    path: 'baskets/basket-1',
    api: B,
  },
  {
    name: 'addItemToBasket',
    call: (c) =>
      scapi.addItemToBasket(c, {
        accessToken: ACCESS_TOKEN,
        basketId: 'basket-1',
        body: [{ productId: '701643108633M', quantity: 1, c_engraving: 'A' }],
      }),
    method: 'POST',
    path: 'baskets/basket-1/items',
    body: [{ productId: '701643108633M', quantity: 1, c_engraving: 'A' }],
    answer: BASKET,
    api: B,
  },
  {
    name: 'updateCustomerForBasket',
    call: (c) =>
      scapi.updateCustomerForBasket(c, {
        accessToken: ACCESS_TOKEN,
        basketId: 'basket-1',
        body: { email: 'ada@example.com' },
      }),
    method: 'PUT',
    path: 'baskets/basket-1/customer',
    body: { email: 'ada@example.com' },
    answer: BASKET,
    api: B,
  },
  {
    name: 'mergeBasket',
    call: (c) =>
      scapi.mergeBasket(c, {
        accessToken: ACCESS_TOKEN,
        createDestinationBasket: true,
        productItemMergeMode: 'sum_quantities',
      }),
    method: 'POST',
    path: 'baskets/actions/merge',
    query: { createDestinationBasket: 'true', productItemMergeMode: 'sum_quantities' },
    answer: BASKET,
    api: B,
  },
  {
    name: 'transferBasket',
    call: (c) => scapi.transferBasket(c, { accessToken: ACCESS_TOKEN, merge: true }),
    method: 'POST',
    path: 'baskets/actions/transfer',
    query: { merge: 'true' },
    answer: BASKET,
    api: B,
  },
]
