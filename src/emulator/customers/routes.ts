/**
 * Every operation of the Shopper Customers OpenAPI, with its access rule. Order matters where
 * paths overlap: `/customers/external-profile` comes before `/customers/:customerId`, so the
 * literal segment wins.
 *
 * @module
 */
import type { Route } from '../router.ts'
import {
  createCustomerAddress,
  getCustomerAddress,
  removeCustomerAddress,
  updateCustomerAddress,
} from './addresses.ts'
import type { ShopperAccess } from './auth.ts'
import { getCustomerBaskets, getCustomerOrders } from './basketsOrders.ts'
import { amRoute, shopperRoute, type ShopperRouteSpec } from './define.ts'
import { getExternalProfile, registerExternalProfile } from './externalProfile.ts'
import { updateCustomerPassword } from './password.ts'
import {
  createCustomerPaymentInstrument,
  deleteCustomerPaymentInstrument,
  getCustomerPaymentInstrument,
  updateCustomerPaymentInstrument,
} from './paymentInstruments.ts'
import {
  deleteCustomerPaymentMethodReference,
  setupCustomerPaymentMethodReference,
} from './paymentMethodReferences.ts'
import {
  createCustomerProductListItem,
  deleteCustomerProductListItem,
  getCustomerProductListItem,
  updateCustomerProductListItem,
} from './productListItems.ts'
import {
  createCustomerProductList,
  deleteCustomerProductList,
  getCustomerProductList,
  getCustomerProductLists,
  updateCustomerProductList,
} from './productLists.ts'
import { getCustomer, updateCustomer } from './profile.ts'
import {
  getProductListItem,
  getPublicProductList,
  getPublicProductListItems,
  getPublicProductListsBySearchTerm,
} from './publicProductLists.ts'
import { registerCustomer } from './register.ts'
import { getResetPasswordToken, resetPassword } from './resetPassword.ts'
import { SCOPES } from './scopes.ts'

/** Path prefix of every Shopper Customers route. */
export const CUSTOMERS_PREFIX = '/customer/shopper-customers/v1/'

const BASE = `${CUSTOMERS_PREFIX}organizations/:organizationId`

function registered(scopes: readonly string[]): ShopperAccess {
  return { scopes, who: 'registered' }
}
function anyShopper(scopes: readonly string[]): ShopperAccess {
  return { scopes, who: 'any' }
}
function guest(scopes: readonly string[]): ShopperAccess {
  return { scopes, who: 'guest' }
}

function route(
  method: ShopperRouteSpec['method'],
  path: string,
  operation: string,
  access: ShopperAccess,
  handle: ShopperRouteSpec['handle'],
): ShopperRouteSpec {
  return { method, path, operation, access, handle }
}

const CUSTOMER = '/customers/:customerId'
const ADDRESS = `${CUSTOMER}/addresses/:addressName`
const INSTRUMENT = `${CUSTOMER}/payment-instruments/:paymentInstrumentId`
const LISTS = `${CUSTOMER}/product-lists`
const LIST = `${LISTS}/:listId`
const ITEM = `${LIST}/items/:itemId`

const SHOPPER_ROUTES: readonly ShopperRouteSpec[] = [
  route('POST', '/customers', 'registerCustomer', guest(SCOPES.register), registerCustomer),
  route(
    'POST',
    '/customers/external-profile',
    'registerExternalProfile',
    guest(SCOPES.register),
    registerExternalProfile,
  ),
  route('GET', CUSTOMER, 'getCustomer', registered(SCOPES.profileRead), getCustomer),
  route('PATCH', CUSTOMER, 'updateCustomer', registered(SCOPES.profileWrite), updateCustomer),
  route(
    'PUT',
    `${CUSTOMER}/password`,
    'updateCustomerPassword',
    registered(SCOPES.password),
    updateCustomerPassword,
  ),
  route(
    'POST',
    `${CUSTOMER}/addresses`,
    'createCustomerAddress',
    registered(SCOPES.addressesWrite),
    createCustomerAddress,
  ),
  route('GET', ADDRESS, 'getCustomerAddress', registered(SCOPES.addressesRead), getCustomerAddress),
  route(
    'PATCH',
    ADDRESS,
    'updateCustomerAddress',
    registered(SCOPES.addressesWrite),
    updateCustomerAddress,
  ),
  route(
    'DELETE',
    ADDRESS,
    'removeCustomerAddress',
    registered(SCOPES.addressesWrite),
    removeCustomerAddress,
  ),
  route(
    'GET',
    `${CUSTOMER}/baskets`,
    'getCustomerBaskets',
    anyShopper(SCOPES.baskets),
    getCustomerBaskets,
  ),
  route(
    'GET',
    `${CUSTOMER}/orders`,
    'getCustomerOrders',
    anyShopper(SCOPES.orders),
    getCustomerOrders,
  ),
  route(
    'POST',
    `${CUSTOMER}/payment-instruments`,
    'createCustomerPaymentInstrument',
    registered(SCOPES.paymentWrite),
    createCustomerPaymentInstrument,
  ),
  route(
    'GET',
    INSTRUMENT,
    'getCustomerPaymentInstrument',
    registered(SCOPES.paymentRead),
    getCustomerPaymentInstrument,
  ),
  route(
    'PATCH',
    INSTRUMENT,
    'updateCustomerPaymentInstrument',
    registered(SCOPES.paymentWrite),
    updateCustomerPaymentInstrument,
  ),
  route(
    'DELETE',
    INSTRUMENT,
    'deleteCustomerPaymentInstrument',
    registered(SCOPES.paymentWrite),
    deleteCustomerPaymentInstrument,
  ),
  route(
    'DELETE',
    `${CUSTOMER}/payment-method-references/:paymentMethodReferenceId`,
    'deleteCustomerPaymentMethodReference',
    registered(SCOPES.paymentReferences),
    deleteCustomerPaymentMethodReference,
  ),
  route(
    'POST',
    `${CUSTOMER}/payment-method-references/actions/setup`,
    'setupCustomerPaymentMethodReference',
    registered(SCOPES.paymentReferences),
    setupCustomerPaymentMethodReference,
  ),
  route(
    'GET',
    LISTS,
    'getCustomerProductLists',
    anyShopper(SCOPES.productListsRead),
    getCustomerProductLists,
  ),
  route(
    'POST',
    LISTS,
    'createCustomerProductList',
    anyShopper(SCOPES.productListsWrite),
    createCustomerProductList,
  ),
  route(
    'GET',
    LIST,
    'getCustomerProductList',
    anyShopper(SCOPES.productListsRead),
    getCustomerProductList,
  ),
  route(
    'PATCH',
    LIST,
    'updateCustomerProductList',
    anyShopper(SCOPES.productListsWrite),
    updateCustomerProductList,
  ),
  route(
    'DELETE',
    LIST,
    'deleteCustomerProductList',
    anyShopper(SCOPES.productListsWrite),
    deleteCustomerProductList,
  ),
  route(
    'POST',
    `${LIST}/items`,
    'createCustomerProductListItem',
    anyShopper(SCOPES.productListsWrite),
    createCustomerProductListItem,
  ),
  route(
    'GET',
    ITEM,
    'getCustomerProductListItem',
    anyShopper(SCOPES.productListsRead),
    getCustomerProductListItem,
  ),
  route(
    'PATCH',
    ITEM,
    'updateCustomerProductListItem',
    anyShopper(SCOPES.productListsWrite),
    updateCustomerProductListItem,
  ),
  route(
    'DELETE',
    ITEM,
    'deleteCustomerProductListItem',
    anyShopper(SCOPES.productListsWrite),
    deleteCustomerProductListItem,
  ),
  route(
    'GET',
    '/product-lists',
    'getPublicProductListsBySearchTerm',
    anyShopper(SCOPES.publicProductLists),
    getPublicProductListsBySearchTerm,
  ),
  route(
    'GET',
    '/product-lists/:listId',
    'getPublicProductList',
    anyShopper(SCOPES.publicProductLists),
    getPublicProductList,
  ),
  route(
    'GET',
    '/product-lists/:listId/items',
    'getPublicProductListItems',
    anyShopper(SCOPES.publicProductLists),
    getPublicProductListItems,
  ),
  route(
    'GET',
    '/product-lists/:listId/items/:itemId',
    'getProductListItem',
    anyShopper(SCOPES.publicProductLists),
    getProductListItem,
  ),
]

/** The Shopper Customers operations the emulator serves (external-profile GET first). */
export const CUSTOMER_ROUTES: readonly Route[] = [
  amRoute(BASE, {
    method: 'POST',
    path: '/customers/password/actions/create-reset-token',
    operation: 'getResetPasswordToken',
    scopes: SCOPES.accountManager,
    handle: getResetPasswordToken,
  }),
  amRoute(BASE, {
    method: 'POST',
    path: '/customers/password/actions/reset',
    operation: 'resetPassword',
    scopes: SCOPES.accountManager,
    handle: resetPassword,
  }),
  amRoute(BASE, {
    method: 'GET',
    path: '/customers/external-profile',
    operation: 'getExternalProfile',
    scopes: SCOPES.accountManager,
    handle: getExternalProfile,
  }),
  ...SHOPPER_ROUTES.map((spec) => shopperRoute(BASE, spec)),
]
