/**
 * The mutation factories, one per write, for one shopper (see `createShopperQueries`), each with
 * the queries its write changes.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import type {
  AddItemToBasketParams,
  Basket,
  BasketParams,
  CreateBasketParams,
  UpdateCustomerForBasketParams,
} from '../scapi/baskets/index.ts'
import type {
  Customer,
  CustomerAddress,
  CustomerAddressParams,
  CustomerPaymentInstrument,
  CustomerPaymentInstrumentRequest,
  CustomerPaymentInstrumentUpdateRequest,
  CustomerProductList,
  CustomerProductListItem,
  CustomerProductListItemRequest,
  CustomerProductListItemUpdate,
  CustomerProductListRequest,
  CustomerUpdateBody,
  PaymentInstrumentParams,
  ProductListItemParams,
  ProductListParams,
  WithBody,
} from '../scapi/customers/index.ts'
import type { Access, QueryBase } from './forShopper.ts'
import { type Changes, type ShopperMutationOptions, writeOptions } from './queryOptions.ts'

/**
 * The variables of a shopper mutation: the operation's parameters without the token and the
 * customer id (the key's shopper is the customer).
 */
export type ShopperVariables<P> = Omit<P, 'accessToken' | 'customerId'>

/**
 * The profile fields `updateProfile` changes: all but the login. A login change ends the
 * shopper's tokens; the account flows' `changeLoginId` makes it and logs the shopper in again.
 */
export type ProfileUpdate = Omit<CustomerUpdateBody, 'login' | 'currentPassword'>

/**
 * The mutation factories of one shopper. Each returns `mutationOptions` whose `mutationFn` sends
 * the write for the shopper the options were made for (`conflict`, nothing sent, once the session
 * has another shopper), then refetches exactly the queries the write changed (and drops those of
 * a deleted resource) before it resolves. Writes are never retried.
 *
 * @example
 * ```ts
 * const save = new MutationObserver(queryClient, queries.createAddress())
 * await save.mutate({ body: { addressId: 'home', countryCode: 'US', lastName: 'Lovelace' } })
 * ```
 */
export interface ShopperWrites {
  /** updateCustomer; refreshes the profile (addresses and payment instruments are in it). */
  updateProfile(): ShopperMutationOptions<Customer, { body: ProfileUpdate }>
  /** createCustomerAddress; refreshes the profile. */
  createAddress(): ShopperMutationOptions<CustomerAddress, { body: CustomerAddress }>
  /** updateCustomerAddress; refreshes the profile and that address. */
  updateAddress(): ShopperMutationOptions<
    CustomerAddress,
    ShopperVariables<WithBody<CustomerAddressParams, CustomerAddress>>
  >
  /** removeCustomerAddress; refreshes the profile, drops that address. */
  removeAddress(): ShopperMutationOptions<void, ShopperVariables<CustomerAddressParams>>
  /** createCustomerPaymentInstrument; refreshes the profile. */
  createPaymentInstrument(): ShopperMutationOptions<
    CustomerPaymentInstrument,
    { body: CustomerPaymentInstrumentRequest }
  >
  /** updateCustomerPaymentInstrument; refreshes the profile and that instrument. */
  updatePaymentInstrument(): ShopperMutationOptions<
    CustomerPaymentInstrument,
    ShopperVariables<WithBody<PaymentInstrumentParams, CustomerPaymentInstrumentUpdateRequest>>
  >
  /** deleteCustomerPaymentInstrument; refreshes the profile, drops that instrument. */
  deletePaymentInstrument(): ShopperMutationOptions<void, ShopperVariables<PaymentInstrumentParams>>
  /** createCustomerProductList; refreshes the lists. */
  createProductList(): ShopperMutationOptions<
    CustomerProductList,
    { body: CustomerProductListRequest }
  >
  /** updateCustomerProductList; refreshes the lists and that list. */
  updateProductList(): ShopperMutationOptions<
    CustomerProductList,
    ShopperVariables<WithBody<ProductListParams, CustomerProductListRequest>>
  >
  /** deleteCustomerProductList; refreshes the lists, drops that list and its items. */
  deleteProductList(): ShopperMutationOptions<void, ShopperVariables<ProductListParams>>
  /** createCustomerProductListItem; refreshes the lists and that list. */
  createProductListItem(): ShopperMutationOptions<
    CustomerProductListItem,
    ShopperVariables<WithBody<ProductListParams, CustomerProductListItemRequest>>
  >
  /** updateCustomerProductListItem; refreshes the lists, that list and that item. */
  updateProductListItem(): ShopperMutationOptions<
    CustomerProductListItem,
    ShopperVariables<WithBody<ProductListItemParams, CustomerProductListItemUpdate>>
  >
  /** deleteCustomerProductListItem; refreshes the lists and that list, drops that item. */
  deleteProductListItem(): ShopperMutationOptions<void, ShopperVariables<ProductListItemParams>>
  /** createBasket; refreshes the baskets. */
  createBasket(): ShopperMutationOptions<Basket, ShopperVariables<CreateBasketParams>>
  /** addItemToBasket; refreshes the baskets and that basket. */
  addItemToBasket(): ShopperMutationOptions<Basket, ShopperVariables<AddItemToBasketParams>>
  /** updateCustomerForBasket; refreshes the baskets and that basket. */
  updateCustomerForBasket(): ShopperMutationOptions<
    Basket,
    ShopperVariables<UpdateCustomerForBasketParams>
  >
  /** deleteBasket; refreshes the baskets, drops that basket. */
  deleteBasket(): ShopperMutationOptions<void, ShopperVariables<BasketParams>>
}

const PROFILE = ['profile']
const LISTS = ['productLists']
const BASKETS = ['baskets']
const refresh = (...resources: (readonly string[])[]): Changes => ({ refresh: resources })

function refuseLogin(body: ProfileUpdate): void {
  // Types already refuse these; a plain-JS caller would otherwise end its own session.
  if ('login' in body || 'currentPassword' in body) {
    throw new ShopperSessionError(
      'invalid_config',
      "updateProfile: change the login with the account flows' changeLoginId, not here",
    )
  }
}

/** The mutation factories of one shopper. */
export function writes(base: QueryBase): ShopperWrites {
  const { customers } = base
  const write = <TData, TVariables>(
    access: Access,
    name: string,
    call: (customerId: string, variables: TVariables) => Promise<TData>,
    changes: (variables: TVariables) => Changes,
  ) => writeOptions(base, access, name, call, changes)
  return {
    updateProfile: () =>
      write(
        'registered',
        'updateProfile',
        (customerId, { body }) => {
          refuseLogin(body)
          return customers.updateCustomer({ customerId, body })
        },
        () => refresh(PROFILE),
      ),
    createAddress: () =>
      write(
        'registered',
        'createAddress',
        (customerId, { body }) => customers.createCustomerAddress({ customerId, body }),
        () => refresh(PROFILE),
      ),
    updateAddress: () =>
      write(
        'registered',
        'updateAddress',
        (customerId, variables) => customers.updateCustomerAddress({ ...variables, customerId }),
        ({ addressName }) => refresh(PROFILE, ['addresses', addressName]),
      ),
    removeAddress: () =>
      write(
        'registered',
        'removeAddress',
        (customerId, variables) => customers.removeCustomerAddress({ ...variables, customerId }),
        ({ addressName }) => ({ refresh: [PROFILE], drop: [['addresses', addressName]] }),
      ),
    createPaymentInstrument: () =>
      write(
        'registered',
        'createPaymentInstrument',
        (customerId, { body }) => customers.createCustomerPaymentInstrument({ customerId, body }),
        () => refresh(PROFILE),
      ),
    updatePaymentInstrument: () =>
      write(
        'registered',
        'updatePaymentInstrument',
        (customerId, variables) =>
          customers.updateCustomerPaymentInstrument({ ...variables, customerId }),
        ({ paymentInstrumentId }) => refresh(PROFILE, ['paymentInstruments', paymentInstrumentId]),
      ),
    deletePaymentInstrument: () =>
      write(
        'registered',
        'deletePaymentInstrument',
        (customerId, variables) =>
          customers.deleteCustomerPaymentInstrument({ ...variables, customerId }),
        ({ paymentInstrumentId }) => ({
          refresh: [PROFILE],
          drop: [['paymentInstruments', paymentInstrumentId]],
        }),
      ),
    createProductList: () =>
      write(
        'any',
        'createProductList',
        (customerId, { body }) => customers.createCustomerProductList({ customerId, body }),
        () => refresh(LISTS),
      ),
    updateProductList: () =>
      write(
        'any',
        'updateProductList',
        (customerId, variables) =>
          customers.updateCustomerProductList({ ...variables, customerId }),
        ({ listId }) => refresh(LISTS, ['productLists', listId]),
      ),
    deleteProductList: () =>
      write(
        'any',
        'deleteProductList',
        (customerId, variables) =>
          customers.deleteCustomerProductList({ ...variables, customerId }),
        // The list's key is the prefix of its items' keys: they go with it.
        ({ listId }) => ({ refresh: [LISTS], drop: [['productLists', listId]] }),
      ),
    // The lists embed their items: an item write changes its list and the lists.
    createProductListItem: () =>
      write(
        'any',
        'createProductListItem',
        (customerId, variables) =>
          customers.createCustomerProductListItem({ ...variables, customerId }),
        ({ listId }) => refresh(LISTS, ['productLists', listId]),
      ),
    updateProductListItem: () =>
      write(
        'any',
        'updateProductListItem',
        (customerId, variables) =>
          customers.updateCustomerProductListItem({ ...variables, customerId }),
        ({ listId, itemId }) =>
          refresh(LISTS, ['productLists', listId], ['productLists', listId, 'items', itemId]),
      ),
    deleteProductListItem: () =>
      write(
        'any',
        'deleteProductListItem',
        (customerId, variables) =>
          customers.deleteCustomerProductListItem({ ...variables, customerId }),
        ({ listId, itemId }) => ({
          refresh: [LISTS, ['productLists', listId]],
          drop: [['productLists', listId, 'items', itemId]],
        }),
      ),
    // The baskets list embeds each basket: a basket write changes it and the list.
    createBasket: () =>
      write(
        'any',
        'createBasket',
        (_customerId, variables) => customers.createBasket(variables),
        () => refresh(BASKETS),
      ),
    addItemToBasket: () =>
      write(
        'any',
        'addItemToBasket',
        (_customerId, variables) => customers.addItemToBasket(variables),
        ({ basketId }) => refresh(BASKETS, ['baskets', basketId]),
      ),
    updateCustomerForBasket: () =>
      write(
        'any',
        'updateCustomerForBasket',
        (_customerId, variables) => customers.updateCustomerForBasket(variables),
        ({ basketId }) => refresh(BASKETS, ['baskets', basketId]),
      ),
    deleteBasket: () =>
      write(
        'any',
        'deleteBasket',
        (_customerId, variables) => customers.deleteBasket(variables),
        ({ basketId }) => ({ refresh: [BASKETS], drop: [['baskets', basketId]] }),
      ),
  }
}
