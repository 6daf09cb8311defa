/**
 * Customer product lists and items (guest or registered), and the public product list routes
 * (only lists marked public; search by e-mail or first and last name, exact).
 */
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import {
  call,
  expectProblem,
  guestShopper,
  ok,
  otherShopper,
  registeredShopper,
  type Shopper,
} from './helpers.ts'

const ITEM = { type: 'product', productId: 'RedDress1', priority: 1, public: true, quantity: 2 }

async function createList(emulator: Emulator, shopper: Shopper, body: object) {
  return ok(
    await call(emulator, 'POST', `/customers/${shopper.customerId}/product-lists`, {
      token: shopper.token,
      body,
    }),
  )
}

describe('customer product lists', () => {
  it('a guest creates, reads, updates and deletes a list and its items', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const base = `/customers/${guest.customerId}/product-lists`
    const list = await createList(emulator, guest, {
      type: 'wish_list',
      name: 'Favourites',
      c_colour: 'red',
      registrant: { email: 'g@example.com', firstName: 'G', lastName: 'H', role: 'owner' },
    })
    expect(list).toMatchObject({
      type: 'wish_list',
      name: 'Favourites',
      public: false,
      c_colour: 'red',
      customerProductListItems: [],
    })
    const listPath = `${base}/${String(list.id)}`
    const item = await ok(
      await call(emulator, 'POST', `${listPath}/items`, { token: guest.token, body: ITEM }),
    )
    expect(item).toMatchObject({ ...ITEM, purchasedQuantity: 0 })
    const itemPath = `${listPath}/items/${String(item.id)}`
    expect(await ok(await call(emulator, 'GET', itemPath, { token: guest.token }))).toEqual(item)
    const changedItem = await ok(
      await call(emulator, 'PATCH', itemPath, {
        token: guest.token,
        body: { quantity: 5, priority: 3, productId: 'Ignored', type: 'gift_certificate' },
      }),
    )
    expect(changedItem).toMatchObject({
      quantity: 5,
      priority: 3,
      productId: 'RedDress1',
      type: 'product',
    })

    const all = await ok<{ total: number; data: { customerProductListItems: unknown[] }[] }>(
      await call(emulator, 'GET', base, { token: guest.token }),
    )
    expect(all.total).toBe(1)
    expect(all.data[0]?.customerProductListItems).toHaveLength(1)
    const renamed = await ok(
      await call(emulator, 'PATCH', listPath, {
        token: guest.token,
        body: { name: 'Wishes', public: true, type: 'gift_registry', description: 'd' },
      }),
    )
    expect(renamed).toMatchObject({
      name: 'Wishes',
      public: true,
      type: 'wish_list',
      description: 'd',
    })

    expect((await call(emulator, 'DELETE', itemPath, { token: guest.token })).status).toBe(204)
    await expectProblem(
      await call(emulator, 'GET', itemPath, { token: guest.token }),
      404,
      'not-found',
    )
    expect((await call(emulator, 'DELETE', listPath, { token: guest.token })).status).toBe(204)
    const gone = await call(emulator, 'GET', listPath, { token: guest.token })
    const body = await expectProblem(gone, 404, 'product-list-not-found')
    expect(body.productListId).toBe(list.id)
  })

  it('checks list and item fields (type, nested required members, productId)', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/product-lists`
    const broken = [
      {},
      { type: 'favourites' },
      { type: 'wish_list', public: 'yes' },
      { type: 'gift_registry', registrant: { firstName: 'A' } },
      { type: 'gift_registry', event: { city: 'London' } },
      { type: 'gift_registry', shippingAddressInfo: { addressId: 'home' } },
    ]
    for (const body of broken) {
      await expectProblem(
        await call(emulator, 'POST', base, { token: ada.token, body }),
        400,
        'bad-request',
      )
    }
    const list = await createList(emulator, ada, { type: 'shopping_list' })
    const items = `${base}/${String(list.id)}/items`
    for (const body of [
      { ...ITEM, priority: undefined },
      { ...ITEM, quantity: -1 },
      { ...ITEM, type: 'x' },
    ]) {
      await expectProblem(
        await call(emulator, 'POST', items, { token: ada.token, body }),
        400,
        'bad-request',
      )
    }
    const missing = await call(emulator, 'POST', items, {
      token: ada.token,
      body: { ...ITEM, productId: undefined },
    })
    await expectProblem(missing, 400, 'product-list-product-id-missing')
    await ok(
      await call(emulator, 'POST', items, {
        token: ada.token,
        body: { ...ITEM, type: 'gift_certificate', productId: undefined },
      }),
    )
    await expectProblem(
      await call(emulator, 'POST', `${base}/nolist/items`, { token: ada.token, body: ITEM }),
      404,
      'product-list-not-found',
    )
  })
})

describe('public product lists', () => {
  it('shows public lists and public items only, searchable by owner', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const grace = await otherShopper(emulator)
    const open = await createList(emulator, ada, {
      type: 'gift_registry',
      name: 'Wedding',
      public: true,
      registrant: {
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        role: 'Bride',
      },
    })
    const closed = await createList(emulator, ada, { type: 'wish_list', name: 'Secret' })
    const items = `/customers/${ada.customerId}/product-lists/${String(open.id)}/items`
    const shown = await ok(await call(emulator, 'POST', items, { token: ada.token, body: ITEM }))
    const hidden = await ok(
      await call(emulator, 'POST', items, { token: ada.token, body: { ...ITEM, public: false } }),
    )

    const byEmail = await ok<{ total: number; data: Record<string, unknown>[] }>(
      await call(emulator, 'GET', '/product-lists', {
        token: grace.token,
        query: { email: 'ada@example.com' },
      }),
    )
    expect(byEmail.data).toEqual([
      { id: open.id, title: 'Wedding', name: 'Wedding', type: 'gift_registry' },
    ])
    const byName = await ok<{ total: number }>(
      await call(emulator, 'GET', '/product-lists', {
        token: grace.token,
        query: { firstName: 'Ada', lastName: 'Lovelace' },
      }),
    )
    expect(byName.total).toBe(1)
    const caseSensitive = await ok<{ total: number }>(
      await call(emulator, 'GET', '/product-lists', {
        token: grace.token,
        query: { firstName: 'ada', lastName: 'Lovelace' },
      }),
    )
    expect(caseSensitive.total).toBe(0)
    await expectProblem(
      await call(emulator, 'GET', '/product-lists', {
        token: grace.token,
        query: { firstName: 'Ada' },
      }),
      400,
      'bad-request',
    )

    const guest = await guestShopper(emulator)
    const publicList = await ok<{ productListItems: unknown[]; registrant: object }>(
      await call(emulator, 'GET', `/product-lists/${String(open.id)}`, { token: guest.token }),
    )
    expect(publicList.registrant).toEqual({ firstName: 'Ada', lastName: 'Lovelace', role: 'Bride' })
    expect(publicList.productListItems).toEqual([
      { id: shown.id, priority: 1, type: 'product', product: { id: 'RedDress1' } },
    ])
    const publicItems = await ok<{ total: number }>(
      await call(emulator, 'GET', `/product-lists/${String(open.id)}/items`, {
        token: guest.token,
        query: { expand: 'product,images' },
      }),
    )
    expect(publicItems.total).toBe(1)
    await expectProblem(
      await call(emulator, 'GET', `/product-lists/${String(open.id)}/items`, {
        token: guest.token,
        query: { expand: 'wishList' },
      }),
      400,
      'invalid-expand-parameter',
      "An invalid expand parameter 'wishList' was found.",
    )
    await ok(
      await call(emulator, 'GET', `/product-lists/${String(open.id)}/items/${String(shown.id)}`, {
        token: guest.token,
      }),
    )
    await expectProblem(
      await call(emulator, 'GET', `/product-lists/${String(open.id)}/items/${String(hidden.id)}`, {
        token: guest.token,
      }),
      404,
      'not-found',
    )
    await expectProblem(
      await call(emulator, 'GET', `/product-lists/${String(closed.id)}`, { token: guest.token }),
      404,
      'product-list-not-found',
    )
  })
})
