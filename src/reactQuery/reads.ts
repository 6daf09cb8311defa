/**
 * The query factories, one per resource, for one shopper (see `createShopperQueries`).
 *
 * @module
 */
import type { Basket, BasketsResult } from '../scapi/baskets/index.ts'
import type {
  Customer,
  CustomerAddress,
  CustomerOrderResult,
  CustomerPaymentInstrument,
  CustomerProductList,
  CustomerProductListItem,
  CustomerProductListResult,
  GetCustomerOrdersParams,
} from '../scapi/customers/index.ts'
import type { QueryBase } from './forShopper.ts'
import { readOptions, type ShopperQueryOptions } from './queryOptions.ts'

/** Which page of orders `orders()` reads, and how (the parameters of getCustomerOrders). */
export type OrdersPage = Pick<
  GetCustomerOrdersParams,
  'crossSites' | 'from' | 'until' | 'status' | 'expand' | 'limit' | 'offset'
>

/**
 * The query factories of one shopper. Each returns `queryOptions` (key, guarded `queryFn`,
 * `enabled`, `retry`) for `useQuery`, `fetchQuery`, `prefetchQuery` or `ensureQueryData`. The
 * key names the shopper; the request is sent only while the session still has that shopper, and
 * its answer is kept only if it still does.
 *
 * Registered-only data (profile, addresses, payment instruments) is disabled for a guest (no
 * request; `fetchQuery` rejects with `not_found`, what the API answers a guest), and every query
 * is disabled while the session has no shopper yet (`fetchQuery` rejects with `invalid_config`).
 *
 * @example
 * ```ts
 * const profile = await queryClient.fetchQuery(queries.profile())
 * ```
 */
export interface ShopperReads {
  /** getCustomer: the registered shopper's profile, addresses and payment instruments in it. */
  profile(): ShopperQueryOptions<Customer>
  /** The profile's addresses (the profile's key and request; `select` picks them). */
  addresses(): ShopperQueryOptions<Customer, CustomerAddress[]>
  /** getCustomerAddress: one saved address by its `addressId`. */
  address(addressName: string): ShopperQueryOptions<CustomerAddress>
  /** The profile's payment instruments (the profile's key and request). */
  paymentInstruments(): ShopperQueryOptions<Customer, CustomerPaymentInstrument[]>
  /** getCustomerPaymentInstrument. */
  paymentInstrument(paymentInstrumentId: string): ShopperQueryOptions<CustomerPaymentInstrument>
  /** getCustomerProductLists: every list (guests have lists too), items embedded. */
  productLists(): ShopperQueryOptions<CustomerProductListResult>
  /** getCustomerProductList: one list, items embedded. */
  productList(listId: string): ShopperQueryOptions<CustomerProductList>
  /** The items of one list (the list's key and request). */
  productListItems(
    listId: string,
  ): ShopperQueryOptions<CustomerProductList, CustomerProductListItem[]>
  /** getCustomerProductListItem. */
  productListItem(listId: string, itemId: string): ShopperQueryOptions<CustomerProductListItem>
  /** getCustomerBaskets: the shopper's open baskets (guests' too). */
  baskets(): ShopperQueryOptions<BasketsResult>
  /** The shopper's basket: the first open one, `undefined` when none (the baskets' key). */
  currentBasket(): ShopperQueryOptions<BasketsResult, Basket | undefined>
  /** getBasket: one basket by id. */
  basket(basketId: string): ShopperQueryOptions<Basket>
  /** getCustomerOrders: one page of orders (`page` is part of the key). */
  orders(page?: OrdersPage): ShopperQueryOptions<CustomerOrderResult>
}

/** `page` without its unset fields: the form a key carries (JSON has no `undefined`). */
function definedFields(page: OrdersPage): Record<string, string | number | boolean> {
  const fields: Record<string, string | number | boolean> = {}
  for (const [name, value] of Object.entries(page)) {
    if (value !== undefined) fields[name] = value as string | number | boolean
  }
  return fields
}

/** `options` with `select`: the same key and request, another view of the answer. */
function withSelect<TQueryFnData, TData>(
  options: ShopperQueryOptions<TQueryFnData>,
  select: (data: TQueryFnData) => TData,
): ShopperQueryOptions<TQueryFnData, TData> {
  return { ...options, select } as unknown as ShopperQueryOptions<TQueryFnData, TData>
}

const addressesOf = (customer: Customer): CustomerAddress[] => customer.addresses ?? []
const instrumentsOf = (customer: Customer): CustomerPaymentInstrument[] =>
  customer.paymentInstruments ?? []
const itemsOf = (list: CustomerProductList): CustomerProductListItem[] =>
  list.customerProductListItems ?? []
// SCAPI keeps one open basket per shopper: the first is the shopper's basket.
const firstBasket = (result: BasketsResult): Basket | undefined => result.baskets?.[0]

/** The read factories of one shopper. */
export function reads(base: QueryBase): ShopperReads {
  const { customers } = base
  const profile = () =>
    readOptions<Customer>(base, 'registered', ['profile'], (customerId, options) =>
      customers.getCustomer({ customerId }, options),
    )
  const productList = (listId: string) =>
    readOptions<CustomerProductList>(base, 'any', ['productLists', listId], (customerId, options) =>
      customers.getCustomerProductList({ customerId, listId }, options),
    )
  const baskets = () =>
    readOptions<BasketsResult>(base, 'any', ['baskets'], (customerId, options) =>
      customers.getCustomerBaskets({ customerId }, options),
    )
  return {
    profile,
    // Addresses and payment instruments come embedded in the profile: one request, one key.
    addresses: () => withSelect(profile(), addressesOf),
    address: (addressName: string) =>
      readOptions<CustomerAddress>(
        base,
        'registered',
        ['addresses', addressName],
        (customerId, options) => customers.getCustomerAddress({ customerId, addressName }, options),
      ),
    paymentInstruments: () => withSelect(profile(), instrumentsOf),
    paymentInstrument: (paymentInstrumentId: string) =>
      readOptions<CustomerPaymentInstrument>(
        base,
        'registered',
        ['paymentInstruments', paymentInstrumentId],
        (customerId, options) =>
          customers.getCustomerPaymentInstrument({ customerId, paymentInstrumentId }, options),
      ),
    productLists: () =>
      readOptions<CustomerProductListResult>(base, 'any', ['productLists'], (customerId, options) =>
        customers.getCustomerProductLists({ customerId }, options),
      ),
    productList,
    // A list embeds its items: one request, the list's key.
    productListItems: (listId: string) => withSelect(productList(listId), itemsOf),
    productListItem: (listId: string, itemId: string) =>
      readOptions<CustomerProductListItem>(
        base,
        'any',
        ['productLists', listId, 'items', itemId],
        (customerId, options) =>
          customers.getCustomerProductListItem({ customerId, listId, itemId }, options),
      ),
    baskets,
    currentBasket: () => withSelect(baskets(), firstBasket),
    basket: (basketId: string) =>
      readOptions<Basket>(base, 'any', ['baskets', basketId], (_customerId, options) =>
        customers.getBasket({ basketId }, options),
      ),
    orders: (page: OrdersPage = {}) =>
      readOptions<CustomerOrderResult>(
        base,
        'any',
        ['orders', definedFields(page)],
        (customerId, options) => customers.getCustomerOrders({ ...page, customerId }, options),
      ),
  }
}
