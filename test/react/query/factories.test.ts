/**
 * `createShopperQueries` without React, against the emulator: each factory reads the right data,
 * keys carry the shopper (plain JSON, no token), guests and sessions without a shopper send
 * nothing they cannot, a slow answer for a shopper who left is never cached, and a server
 * session's prefetch dehydrates to JSON without a token.
 */
import { dehydrate, hydrate, MutationObserver } from '@tanstack/react-query'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createShopperCustomers } from '../../../src/customers.ts'
import {
  bindShopperCache,
  createShopperQueries,
  SHOPPER_QUERY_PREFIX,
  shopperQueryKey,
} from '../../../src/reactQuery.ts'
import { createServerSession } from '../../../src/server/index.ts'
import { createShopperSession } from '../../../src/session.ts'
import { expectCode } from '../../support/expectError.ts'
import { findLeaks } from '../../support/secrets.ts'
import { serverSetup } from '../../server/helpers.ts'
import { count } from '../support.tsx'
import { querySetup, testQueryClient } from './support.tsx'

const CARD = {
  paymentMethodId: 'CREDIT_CARD',
  paymentCard: {
    cardType: 'Visa',
    holder: 'Ada Lovelace',
    number: '4111111111111111',
    issueNumber: '',
    expirationMonth: 12,
    expirationYear: 2040,
    validFromMonth: 1,
    validFromYear: 2020,
  },
}

describe('createShopperQueries(customers, session)', () => {
  it('reads the profile, addresses, payment instruments, lists, items and basket', async () => {
    const { emulator, session, ada, customers, client } = querySetup()
    await session.login({ username: ada.login, password: ada.password })
    await customers.createCustomerAddress({
      body: { addressId: 'home', countryCode: 'GB', lastName: 'Lovelace' },
    })
    const card = await customers.createCustomerPaymentInstrument({ body: CARD })
    const list = await customers.createCustomerProductList({
      body: { type: 'wish_list', name: 'Engines' },
    })
    const listId = list.id ?? ''
    const item = await customers.createCustomerProductListItem({
      listId,
      body: { type: 'product', productId: 'tea', quantity: 1, priority: 1, public: false },
    })
    const basket = await customers.createBasket({ body: {} })
    const basketId = basket.basketId ?? ''
    await customers.addItemToBasket({ basketId, body: [{ productId: 'tea', quantity: 2 }] })
    const queries = createShopperQueries(customers, session)
    const id = card.paymentInstrumentId ?? ''

    expect(await client.fetchQuery(queries.profile())).toMatchObject({
      customerId: ada.customerId,
      login: ada.login,
    })
    // `select` views of the profile: the profile's cached answer, seen as hooks see it.
    const addresses = queries.addresses()
    expect(addresses.select?.(await client.ensureQueryData(addresses))).toEqual([
      expect.objectContaining({ addressId: 'home', lastName: 'Lovelace' }),
    ])
    expect(await client.fetchQuery(queries.address('home'))).toMatchObject({ countryCode: 'GB' })
    const instruments = queries.paymentInstruments()
    expect(instruments.select?.(await client.ensureQueryData(instruments))).toEqual([
      expect.objectContaining({ paymentInstrumentId: id }),
    ])
    expect(await client.fetchQuery(queries.paymentInstrument(id))).toMatchObject({
      paymentInstrumentId: id,
    })
    expect((await client.fetchQuery(queries.productLists())).data?.map((l) => l.id)).toEqual([
      listId,
    ])
    expect(await client.fetchQuery(queries.productList(listId))).toMatchObject({ name: 'Engines' })
    const items = queries.productListItems(listId)
    expect(items.select?.(await client.fetchQuery(items))).toEqual([
      expect.objectContaining({ id: item.id, productId: 'tea' }),
    ])
    expect(await client.fetchQuery(queries.productListItem(listId, item.id ?? ''))).toMatchObject({
      productId: 'tea',
    })
    const current = queries.currentBasket()
    expect(current.select?.(await client.fetchQuery(current))).toMatchObject({
      basketId,
      productItems: [expect.objectContaining({ productId: 'tea', quantity: 2 })],
    })
    expect(await client.fetchQuery(queries.basket(basketId))).toMatchObject({ basketId })
    // The profile, its addresses and its instruments share one key and one request.
    expect(count(emulator, 'getCustomer')).toBe(1)
  })

  it('keys carry the site and the shopper as plain JSON, never a token', async () => {
    const { emulator, session, ada, customers } = querySetup()
    const queries = createShopperQueries(customers, session)
    const { organizationId, siteIds } = emulator.settings
    const site = `${organizationId}/${siteIds[0]}`
    expect(queries.profile().queryKey).toEqual([SHOPPER_QUERY_PREFIX, site, 'unknown', 'profile'])
    await session.ready()
    const guest = session.getShopper()?.customerId
    expect(queries.productLists().queryKey).toEqual([
      SHOPPER_QUERY_PREFIX,
      site,
      `guest:${guest}`,
      'productLists',
    ])
    await session.login({ username: ada.login, password: ada.password })
    const keys = [
      queries.profile().queryKey,
      queries.productListItem('list-1', 'item-1').queryKey,
      queries.orders({ limit: 5, status: undefined }).queryKey,
      queries.updateProfile().mutationKey,
    ]
    expect(keys[0]).toEqual([SHOPPER_QUERY_PREFIX, site, `registered:${ada.customerId}`, 'profile'])
    expect(keys[1]?.slice(3)).toEqual(['productLists', 'list-1', 'items', 'item-1'])
    expect(keys[2]?.slice(3)).toEqual(['orders', { limit: 5 }])
    const json = JSON.stringify(keys)
    expect(JSON.parse(json)).toEqual(keys)
    expect(findLeaks(json, emulator.control.secrets())).toEqual([])
    expect(json).not.toContain(ada.login) // the login stays out of devtools and error reports
    expect(shopperQueryKey(session, 'profile')).toEqual(keys[0])
  })

  it('a guest and a session without a shopper send nothing they cannot', async () => {
    const { emulator, session, customers, client } = querySetup()
    const queries = createShopperQueries(customers, session)
    expect(queries.productLists().enabled).toBe(false)
    await expectCode(client.fetchQuery(queries.productLists()), 'invalid_config')
    await session.ready()
    expect(queries.productLists().enabled).toBe(true)
    expect(queries.profile().enabled).toBe(false) // a guest has no profile
    await expectCode(client.fetchQuery(queries.profile()), 'not_found')
    const update = new MutationObserver(client, queries.updateProfile())
    await expectCode(update.mutate({ body: { firstName: 'Ada' } }), 'not_found')
    expect(count(emulator, 'getCustomer')).toBe(0)
  })

  it('an answer that arrives after the shopper changed is cached for no one', async () => {
    // No cache binding here (a route loader's client): the factories' own check is all there is.
    const { emulator, session, ada, customers, client } = querySetup()
    await session.ready()
    await customers.createCustomerProductList({ body: { type: 'wish_list', name: 'guest-wishes' } })
    const queries = createShopperQueries(customers, session)
    const guestLists = queries.productLists()
    emulator.control.failNext('getCustomerProductLists', { delayMs: 150, phase: 'after' })
    const pending = client.fetchQuery(guestLists)
    await new Promise((resolve) => setTimeout(resolve, 30))
    await session.login({ username: ada.login, password: ada.password })
    await expectCode(pending, 'conflict')
    expect(count(emulator, 'getCustomerProductLists')).toBe(1) // it was answered, then refused
    expect(client.getQueryData(guestLists.queryKey)).toBeUndefined()
    expect(client.getQueryData(queries.productLists().queryKey)).toBeUndefined()
  })

  it('a write made for a shopper who left is not sent', async () => {
    const { emulator, session, ada, customers, client } = querySetup()
    await session.ready()
    const guestWrite = createShopperQueries(customers, session).createProductList()
    await session.login({ username: ada.login, password: ada.password })
    const create = new MutationObserver(client, guestWrite)
    await expectCode(create.mutate({ body: { type: 'wish_list' } }), 'conflict')
    expect(count(emulator, 'createCustomerProductList')).toBe(0)
  })
})

describe('on the server, without React', () => {
  it('prefetch with a server session, dehydrate: JSON without a token, hydrated for the shopper', async () => {
    const { emulator, config, shopper } = serverSetup()
    const ada = shopper()
    const session = createServerSession(config, { cookies: null })
    await session.login({ username: ada.login, password: ada.password })
    const queries = createShopperQueries(createShopperCustomers(session), session)
    const server = testQueryClient()
    await server.prefetchQuery(queries.profile())
    await server.prefetchQuery(queries.productLists())
    const json = JSON.stringify(dehydrate(server))
    expect(findLeaks(json, emulator.control.secrets())).toEqual([])
    const tokens = session.getTokens()
    expect(tokens?.accessToken).toBeDefined()
    expect(findLeaks(json, [tokens?.accessToken ?? '', tokens?.refreshToken ?? ''])).toEqual([])
    expect(JSON.parse(json)).toMatchObject({
      queries: [
        { queryKey: queries.profile().queryKey, state: { data: { login: ada.login } } },
        { queryKey: queries.productLists().queryKey, state: { status: 'success' } },
      ],
    })

    // The browser: the hydrated state waits until the session knows its shopper; another
    // shopper (here a guest) removes it.
    const browser = testQueryClient()
    hydrate(browser, JSON.parse(json))
    const tab = createShopperSession(emulator.clientConfig())
    onTestFinished(() => tab.stop())
    const unbind = bindShopperCache(browser, tab)
    expect(browser.getQueryCache().getAll()).toHaveLength(2)
    await tab.ready() // a guest: not the shopper of the hydrated data
    expect(browser.getQueryCache().getAll()).toHaveLength(0)
    unbind()
  })
})
