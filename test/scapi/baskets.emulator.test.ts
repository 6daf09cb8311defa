/**
 * The Shopper Baskets client against the emulator, in-process: every operation's happy path (each
 * answer parsed by the client's schema) and the documented errors: the one-basket quota, transfer
 * and merge conflicts, and a registered login without the guest usid (`forbidden`).
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'
import * as baskets from '../../src/scapi/baskets/index.ts'
import {
  addItemToBasket,
  createBasket,
  deleteBasket,
  getBasket,
  getCustomerBaskets,
  mergeBasket,
  transferBasket,
  updateCustomerForBasket,
} from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import {
  guest,
  operationNames,
  operationTracker,
  registered,
  scapiConfig,
  seeded,
} from './emulatorClients.ts'

const tracker = operationTracker()

/** A guest with a basket holding `quantity` of `productId`, then Ada logged in with its usid. */
async function guestThenAda(emulator: Emulator, items: { productId: string; quantity: number }[]) {
  const config = scapiConfig(emulator)
  const shopper = await guest(emulator)
  const guestBasket = await createBasket(config, { accessToken: shopper.access_token, body: {} })
  const basketId = guestBasket.basketId ?? ''
  if (items.length > 0) {
    await addItemToBasket(config, { accessToken: shopper.access_token, basketId, body: items })
  }
  const ada = await registered(emulator, { usid: shopper.usid })
  return { guest: shopper, guestBasketId: basketId, accessToken: ada.access_token }
}

/** Ada's own basket from an earlier visit (a login without the guest usid). */
async function adaBasket(emulator: Emulator, items: { productId: string; quantity: number }[]) {
  const config = scapiConfig(emulator)
  const { access_token: accessToken } = await registered(emulator)
  const basket = await createBasket(config, { accessToken, body: {} })
  const basketId = basket.basketId ?? ''
  if (items.length > 0) await addItemToBasket(config, { accessToken, basketId, body: items })
  return basketId
}

describe('Shopper Baskets client against the emulator (in-process)', () => {
  afterAll(() => {
    tracker.expectAllCalled(operationNames(baskets))
  })

  it('create, add items, set the customer, read and delete a basket', async () => {
    const emulator = tracker.emulator()
    const config = scapiConfig(emulator)
    const { access_token: accessToken, customer_id: customerId } = await guest(emulator)
    const created = await createBasket(config, { accessToken, body: {} })
    expect(created).toMatchObject({
      currency: 'USD',
      customerInfo: { customerId },
      productItems: [],
    })
    const basketId = created.basketId ?? ''
    expect(basketId).not.toBe('')

    const added = await addItemToBasket(config, {
      accessToken,
      basketId,
      body: [
        { productId: 'engine-1', quantity: 2 },
        { productId: 'engine-2', quantity: 1 },
      ],
    })
    expect(added.productItems?.map((i) => [i.productId, i.quantity])).toEqual([
      ['engine-1', 2],
      ['engine-2', 1],
    ])
    const again = await addItemToBasket(config, {
      accessToken,
      basketId,
      body: [{ productId: 'engine-1', quantity: 1 }],
    })
    expect(again.productItems?.find((i) => i.productId === 'engine-1')?.quantity).toBe(3)
    expect(again.orderTotal).toBe(again.productTotal)

    const withEmail = await updateCustomerForBasket(config, {
      accessToken,
      basketId,
      body: { email: 'guest@example.com' },
    })
    expect(withEmail.customerInfo).toMatchObject({ customerId, email: 'guest@example.com' })

    const read = await getBasket(config, { accessToken, basketId, locale: 'en-US' })
    expect(read).toEqual(withEmail)

    expect(await deleteBasket(config, { accessToken, basketId })).toBeUndefined()
    await expectCode(getBasket(config, { accessToken, basketId }), 'not_found')
  })

  it('createBasket: a second open basket is conflict (quota exceeded)', async () => {
    const emulator = tracker.emulator()
    const config = scapiConfig(emulator)
    const { access_token: accessToken } = await guest(emulator)
    const first = await createBasket(config, { accessToken, taxMode: 'internal', body: {} })
    const error = await expectCode(createBasket(config, { accessToken, body: {} }), 'conflict')
    expect(error.status).toBe(400)
    expect(error.serverError).toBe('customer-baskets-quota-exceeded')
    expect(error.message).toContain(first.basketId ?? '-')
  })

  it("another shopper's basket is forbidden", async () => {
    const emulator = tracker.emulator()
    const config = scapiConfig(emulator)
    const owner = await guest(emulator)
    const basket = await createBasket(config, { accessToken: owner.access_token, body: {} })
    const other = await guest(emulator)
    await expectCode(
      getBasket(config, { accessToken: other.access_token, basketId: basket.basketId ?? '' }),
      'forbidden',
    )
  })

  describe('transferBasket', () => {
    it('moves the guest basket to the registered shopper', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { guestBasketId, accessToken } = await guestThenAda(emulator, [
        { productId: 'engine-1', quantity: 1 },
      ])
      const basket = await transferBasket(config, { accessToken })
      expect(basket).toMatchObject({
        basketId: guestBasketId,
        customerInfo: { customerId: seeded(emulator).customerId },
      })
      const mine = await getCustomerBaskets(config, {
        accessToken,
        customerId: seeded(emulator).customerId,
      })
      expect(mine.baskets?.map((b) => b.basketId)).toEqual([guestBasketId])
    })

    it('merge false with both baskets is conflict; merge true merges them', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const registeredBasketId = await adaBasket(emulator, [{ productId: 'engine-2', quantity: 4 }])
      const { guestBasketId, accessToken } = await guestThenAda(emulator, [
        { productId: 'engine-1', quantity: 1 },
      ])
      const error = await expectCode(
        transferBasket(config, { accessToken, merge: false }),
        'conflict',
      )
      expect(error.status).toBe(409)
      expect(error.serverError).toBe('basket-transfer-basket-already-exists-exception')

      const merged = await transferBasket(config, { accessToken, merge: true })
      expect(merged?.basketId).toBe(guestBasketId)
      expect(merged?.productItems?.map((i) => [i.productId, i.quantity])).toEqual([
        ['engine-1', 1],
        ['engine-2', 4],
      ])
      await expectCode(
        getBasket(config, { accessToken, basketId: registeredBasketId }),
        'not_found',
      )
    })

    it('overrideExisting deletes the registered basket', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const registeredBasketId = await adaBasket(emulator, [])
      const { guestBasketId, accessToken } = await guestThenAda(emulator, [])
      const basket = await transferBasket(config, { accessToken, overrideExisting: true })
      expect(basket?.basketId).toBe(guestBasketId)
      await expectCode(
        getBasket(config, { accessToken, basketId: registeredBasketId }),
        'not_found',
      )
    })

    it('neither shopper has a basket: undefined (204)', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const shopper = await guest(emulator)
      const { access_token: accessToken } = await registered(emulator, { usid: shopper.usid })
      expect(await transferBasket(config, { accessToken, merge: true })).toBeUndefined()
      expect(emulator.control.requests('transferBasket').at(-1)?.status).toBe(204)
    })

    it('without the guest usid in the login it is forbidden', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const shopper = await guest(emulator)
      await createBasket(config, { accessToken: shopper.access_token, body: {} })
      const { access_token: accessToken } = await registered(emulator)
      await expectCode(transferBasket(config, { accessToken, merge: true }), 'forbidden')
      await expectCode(mergeBasket(config, { accessToken }), 'forbidden')
    })
  })

  describe('mergeBasket', () => {
    it('merges the guest lines into a new destination basket', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { guestBasketId, accessToken } = await guestThenAda(emulator, [
        { productId: 'engine-1', quantity: 2 },
      ])
      await expectCode(mergeBasket(config, { accessToken }), 'conflict')
      const merged = await mergeBasket(config, {
        accessToken,
        createDestinationBasket: true,
        productItemMergeMode: 'sum_quantities',
      })
      expect(merged.basketId).not.toBe(guestBasketId)
      expect(merged.customerInfo?.customerId).toBe(seeded(emulator).customerId)
      expect(merged.productItems?.map((i) => [i.productId, i.quantity])).toEqual([['engine-1', 2]])
      // The guest basket is gone, so a second merge has no source.
      await expectCode(mergeBasket(config, { accessToken }), 'conflict')
    })

    it('sum_quantities adds the guest lines to the registered basket', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const registeredBasketId = await adaBasket(emulator, [{ productId: 'engine-1', quantity: 3 }])
      const { accessToken } = await guestThenAda(emulator, [{ productId: 'engine-1', quantity: 2 }])
      const merged = await mergeBasket(config, {
        accessToken,
        productItemMergeMode: 'sum_quantities',
      })
      expect(merged.basketId).toBe(registeredBasketId)
      expect(merged.productItems?.map((i) => [i.productId, i.quantity])).toEqual([['engine-1', 5]])
    })
  })
})
