import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import { WIRE_SHAPES } from '../../support/wireShapes.ts'
import { loginGuest, loginRegistered, type TokenBody } from '../helpers.ts'
import {
  type Basket,
  basketOf,
  call,
  createBasket,
  expectProblem,
  guestThenRegistered,
  quantities,
} from './helpers.ts'

type Items = Record<string, number>

function body(items: Items, custom: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...custom,
    productItems: Object.entries(items).map(([productId, quantity]) => ({ productId, quantity })),
  }
}

interface Setup {
  guest: TokenBody
  registered: TokenBody
  previous: Basket | undefined
  current: Basket | undefined
}

/**
 * The registered shopper (optionally with a basket from an earlier login), then a guest (optionally
 * with a basket) who logs in as that shopper passing the guest usid.
 */
async function setup(
  emulator: Emulator,
  previous: Record<string, unknown> | undefined,
  current: Record<string, unknown> | undefined,
): Promise<Setup> {
  let currentBasket: Basket | undefined
  if (current) {
    const earlier = await loginRegistered(emulator)
    currentBasket = await createBasket(emulator, earlier.access_token, current)
    emulator.control.advanceTime(1_000) // the same login twice within 1 s is a 409
  }
  const guest = await loginGuest(emulator)
  const previousBasket = previous && (await createBasket(emulator, guest.access_token, previous))
  const registered = await loginRegistered(emulator, { usid: guest.usid })
  return { guest, registered, previous: previousBasket, current: currentBasket }
}

function row(id: string) {
  const found = WIRE_SHAPES.find((r) => r.id === id)
  if (!found) throw new Error(`no wire-shape row ${id}`)
  return found
}

function transfer(emulator: Emulator, token: string, query: Record<string, string> = {}) {
  return call(emulator, 'POST', '/baskets/actions/transfer', { token, query })
}

function merge(emulator: Emulator, token: string, query: Record<string, string> = {}) {
  return call(emulator, 'POST', '/baskets/actions/merge', { token, query })
}

async function get(emulator: Emulator, token: string, basketId: string) {
  return call(emulator, 'GET', `/baskets/${basketId}`, { token })
}

describe('transferBasket', () => {
  it('merge=false: the guest basket becomes the registered shopper’s (same id, same items)', async () => {
    const emulator = createTestEmulator()
    const { guest, registered, previous } = await setup(emulator, body({ a: 2 }), undefined)
    const ada = emulator.settings.shoppers[0]!
    const moved = await basketOf(await transfer(emulator, registered.access_token))
    expect(moved.basketId).toBe(previous?.basketId)
    expect(moved.customerInfo).toMatchObject({
      customerId: ada.customerId,
      customerNo: ada.customerNo,
    })
    expect(quantities(moved)).toEqual({ a: 2 })
    await basketOf(await get(emulator, registered.access_token, moved.basketId))
    // The guest no longer owns it.
    await expectProblem(await get(emulator, guest.access_token, moved.basketId), 400, 'bad-request')
  })

  it('merge=false with a current basket → 409 exactly as the wire-shape row, nothing moves', async () => {
    const emulator = createTestEmulator()
    const { guest, registered, previous, current } = await setup(
      emulator,
      body({ a: 1 }),
      body({ b: 1 }),
    )
    const shape = row('scapi.basketConflict')
    const response = await transfer(emulator, registered.access_token)
    expect(response.status).toBe(shape.status)
    expect(response.headers.get('content-type')).toBe('application/json')
    const answer = (await response.json()) as Record<string, unknown>
    expect(answer).toMatchObject({
      ...shape.body,
      detail: `The current customer with ID '${registered.customer_id}' has an active basket.`,
    })
    await basketOf(await get(emulator, guest.access_token, previous?.basketId ?? ''))
    await basketOf(await get(emulator, registered.access_token, current?.basketId ?? ''))
  })

  it('merge=false, overrideExisting=true: the current basket is deleted, the guest one moves', async () => {
    const emulator = createTestEmulator()
    const { registered, previous, current } = await setup(emulator, body({ a: 1 }), body({ b: 1 }))
    const moved = await basketOf(
      await transfer(emulator, registered.access_token, { overrideExisting: 'true' }),
    )
    expect(moved.basketId).toBe(previous?.basketId)
    expect(quantities(moved)).toEqual({ a: 1 })
    await expectProblem(
      await get(emulator, registered.access_token, current?.basketId ?? ''),
      404,
      'basket-not-found',
    )
  })

  it('merge=false without a guest basket → 409 no-source-basket-exception', async () => {
    const emulator = createTestEmulator()
    const { guest, registered } = await setup(emulator, undefined, body({ b: 1 }))
    await expectProblem(
      await transfer(emulator, registered.access_token),
      409,
      'no-source-basket-exception',
      {
        title: 'Conflict',
        detail: `The previous customer with ID '${guest.customer_id}' has no active basket.`,
      },
      'application/json',
    )
  })

  it('neither shopper has a basket → 204 (merge false and true)', async () => {
    const emulator = createTestEmulator()
    const { registered } = await setup(emulator, undefined, undefined)
    for (const merge of ['false', 'true']) {
      const response = await transfer(emulator, registered.access_token, { merge })
      expect(response.status).toBe(204)
      expect(await response.text()).toBe('')
    }
  })

  it('merge=true with both: the guest basket becomes current, the old one merges in and goes', async () => {
    const emulator = createTestEmulator()
    const { registered, previous, current } = await setup(
      emulator,
      body({ a: 1, b: 5 }, { c_shared: 'guest' }),
      body({ a: 3, c: 2 }, { c_shared: 'registered', c_only: 'kept' }),
    )
    const merged = await basketOf(
      await transfer(emulator, registered.access_token, { merge: 'true' }),
    )
    expect(merged.basketId).toBe(previous?.basketId)
    expect(quantities(merged)).toEqual({ a: 3, b: 5, c: 2 })
    // The transferred (former guest) basket is the current one: its attribute values win.
    expect(merged).toMatchObject({ c_shared: 'guest', c_only: 'kept' })
    await expectProblem(
      await get(emulator, registered.access_token, current?.basketId ?? ''),
      404,
      'basket-not-found',
    )
  })

  it('merge=true with only one basket: the guest one moves, or the registered one stays', async () => {
    const emulator = createTestEmulator()
    const onlyGuest = await setup(emulator, body({ a: 1 }), undefined)
    const moved = await basketOf(
      await transfer(emulator, onlyGuest.registered.access_token, { merge: 'true' }),
    )
    expect(moved.basketId).toBe(onlyGuest.previous?.basketId)

    const other = createTestEmulator()
    const onlyRegistered = await setup(other, undefined, body({ b: 1 }))
    const kept = await basketOf(
      await transfer(other, onlyRegistered.registered.access_token, { merge: 'true' }),
    )
    expect(kept.basketId).toBe(onlyRegistered.current?.basketId)
  })

  it('403 exactly as the wire-shape row without a previous customer (no guest usid, or a guest token)', async () => {
    const emulator = createTestEmulator()
    const shape = row('scapi.forbidden')
    const guest = await loginGuest(emulator)
    await createBasket(emulator, guest.access_token)
    const fresh = await loginRegistered(emulator) // no usid: a new one, no guest behind it
    for (const token of [fresh.access_token, guest.access_token]) {
      for (const send of [transfer, merge]) {
        const response = await send(emulator, token)
        expect(response.status).toBe(shape.status)
        expect(response.headers.get('content-type')).toBe('application/json')
        expect(await response.json()).toEqual(shape.body)
      }
    }
  })

  it('bad boolean parameters → 400', async () => {
    const emulator = createTestEmulator()
    const { registered } = await guestThenRegistered(emulator)
    await expectProblem(
      await transfer(emulator, registered.access_token, { merge: 'yes' }),
      400,
      'bad-request',
    )
    await expectProblem(
      await merge(emulator, registered.access_token, { productItemMergeMode: 'max' }),
      400,
      'bad-request',
    )
  })
})

describe('mergeBasket', () => {
  // The spec's own example (shopper-baskets-oas-v1 mergeBasket description).
  const PREVIOUS = body({ A: 5, B: 3, C: 4 }, { c_customAttr_1: 'ABC', c_customAttr_2: 'DEF' })
  const CURRENT = body({ A: 2, D: 6, E: 7 }, { c_customAttr_1: 'UVW', c_customAttr_3: 'XYZ' })
  const ATTRIBUTES = { c_customAttr_1: 'UVW', c_customAttr_2: 'DEF', c_customAttr_3: 'XYZ' }

  it.each([
    ['higher_quantity', { A: 5, B: 3, C: 4, D: 6, E: 7 }],
    ['sum_quantities', { A: 7, B: 3, C: 4, D: 6, E: 7 }],
    ['saved_quantity', { A: 2, B: 3, C: 4, D: 6, E: 7 }],
    ['separate_item', { A: [2, 5], B: 3, C: 4, D: 6, E: 7 }],
  ] as const)('%s', async (mode, expected) => {
    const emulator = createTestEmulator()
    const { guest, registered, previous, current } = await setup(emulator, PREVIOUS, CURRENT)
    const merged = await basketOf(
      await merge(emulator, registered.access_token, { productItemMergeMode: mode }),
    )
    expect(merged.basketId).toBe(current?.basketId)
    expect(quantities(merged)).toEqual(expected)
    expect(merged).toMatchObject(ATTRIBUTES)
    // The previous (guest) basket is gone; the guest may open a new one.
    await expectProblem(
      await get(emulator, guest.access_token, previous?.basketId ?? ''),
      404,
      'basket-not-found',
    )
    await createBasket(emulator, guest.access_token)
  })

  it('defaults to higher_quantity', async () => {
    const emulator = createTestEmulator()
    const { registered } = await setup(emulator, PREVIOUS, CURRENT)
    const merged = await basketOf(await merge(emulator, registered.access_token))
    expect(quantities(merged)).toEqual({ A: 5, B: 3, C: 4, D: 6, E: 7 })
  })

  it('no current basket → 409 basket-merge-no-current-basket-exception; createDestinationBasket=true creates one', async () => {
    const emulator = createTestEmulator()
    const { guest, registered, previous } = await setup(
      emulator,
      { ...PREVIOUS, customerInfo: { email: 'guest@example.com' } },
      undefined,
    )
    await expectProblem(
      await merge(emulator, registered.access_token),
      409,
      'basket-merge-no-current-basket-exception',
      {
        title: 'Conflict',
        detail: `The current customer with ID '${registered.customer_id}' has no active basket.`,
      },
      'application/json',
    )
    const created = await basketOf(
      await merge(emulator, registered.access_token, { createDestinationBasket: 'true' }),
    )
    expect(created.basketId).not.toBe(previous?.basketId)
    expect(quantities(created)).toEqual({ A: 5, B: 3, C: 4 })
    // No PII from the guest basket: the email is the registered shopper's.
    expect(created.customerInfo.email).toBe(emulator.settings.shoppers[0]!.email)
    await expectProblem(
      await get(emulator, guest.access_token, previous?.basketId ?? ''),
      404,
      'basket-not-found',
    )
  })

  it('no previous basket → 409 no-source-basket-exception (even with createDestinationBasket)', async () => {
    const emulator = createTestEmulator()
    const { guest, registered } = await setup(emulator, undefined, CURRENT)
    for (const query of [{}, { createDestinationBasket: 'true' }] as Record<string, string>[]) {
      await expectProblem(
        await merge(emulator, registered.access_token, query),
        409,
        'no-source-basket-exception',
        { detail: `The previous customer with ID '${guest.customer_id}' has no active basket.` },
        'application/json',
      )
    }
  })

  it('a sum above 999 is refused with 400 and changes nothing', async () => {
    const emulator = createTestEmulator()
    const { guest, registered, previous, current } = await setup(
      emulator,
      body({ A: 600 }),
      body({ A: 500 }),
    )
    await expectProblem(
      await merge(emulator, registered.access_token, { productItemMergeMode: 'sum_quantities' }),
      400,
      'bad-request',
    )
    expect(
      quantities(await basketOf(await get(emulator, guest.access_token, previous?.basketId ?? ''))),
    ).toEqual({ A: 600 })
    expect(
      quantities(
        await basketOf(await get(emulator, registered.access_token, current?.basketId ?? '')),
      ),
    ).toEqual({ A: 500 })
  })
})
