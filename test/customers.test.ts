/**
 * The session-bound Shopper Customers and Baskets client against the emulator: the session's
 * token and customer id are used, a 401 refreshes once and retries once.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createShopperCustomers } from '../src/customers.ts'
import { expectCode } from './support/expectError.ts'
import { createSessionHarness, seededShopper } from './session/harness.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

const ada = () => seededShopper(harness)

describe('createShopperCustomers(session)', () => {
  it("reads and changes the logged-in shopper's profile and addresses", async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.login(ada().login, ada().password)
    const customers = createShopperCustomers(session)
    const profile = await customers.getCustomer()
    expect(profile).toMatchObject({ customerId: ada().customerId, login: ada().login })
    await customers.updateCustomer({ body: { firstName: 'Augusta Ada' } })
    const address = { addressId: 'home', countryCode: 'GB', lastName: 'Lovelace' }
    await customers.createCustomerAddress({ body: address })
    expect(await customers.getCustomerAddress({ addressName: 'home' })).toMatchObject(address)
    expect((await customers.getCustomer()).firstName).toBe('Augusta Ada')
  })

  it('a guest keeps a wishlist and a basket', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const customers = createShopperCustomers(session)
    const list = await customers.createCustomerProductList({ body: { type: 'wish_list' } })
    await customers.createCustomerProductListItem({
      listId: list.id ?? '',
      body: { type: 'product', productId: 'tea', quantity: 1, priority: 1, public: false },
    })
    const basket = await customers.createBasket({ body: {} })
    await customers.addItemToBasket({
      basketId: basket.basketId ?? '',
      body: [{ productId: 'tea', quantity: 2 }],
    })
    const baskets = await customers.getCustomerBaskets()
    expect(baskets.total).toBe(1)
  })

  it('the guest basket is carried over on login', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const customers = createShopperCustomers(session)
    const basket = await customers.createBasket({ body: {} })
    await customers.addItemToBasket({
      basketId: basket.basketId ?? '',
      body: [{ productId: 'tea', quantity: 2 }],
    })
    await session.login(ada().login, ada().password)
    const baskets = await customers.getCustomerBaskets()
    expect(baskets.baskets?.[0]?.productItems?.[0]).toMatchObject({ productId: 'tea', quantity: 2 })
  })

  it('a 401 refreshes once and retries once', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.login(ada().login, ada().password)
    const customers = createShopperCustomers(session)
    const refreshes = harness.count('getAccessToken')
    harness.emulator.control.failNext('getCustomer', { status: 401 })
    await customers.getCustomer()
    expect(harness.count('getAccessToken')).toBe(refreshes + 1)
    expect(harness.count('getCustomer')).toBe(2)
    // A second 401 after the retry is the caller's answer: no loop.
    harness.emulator.control.failNext('getCustomer', { status: 401, count: 2 })
    await expectCode(customers.getCustomer(), 'invalid_token')
    expect(harness.count('getCustomer')).toBe(4)
  })
})
