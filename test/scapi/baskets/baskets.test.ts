/**
 * Shopper Baskets specifics: the 204 of transferBasket, the body checks of addItemToBasket and
 * updateCustomerForBasket, and the basket conflicts and refusals: the 409s of transfer and merge, a
 * second open basket (400), a token without a previous shopper (403).
 */
import { describe, expect, it } from 'vitest'
import {
  addItemToBasket,
  createBasket,
  getBasket,
  mergeBasket,
  transferBasket,
  updateCustomerForBasket,
} from '../../../src/scapi/index.ts'
import { expectCode } from '../../support/expectError.ts'
import { json, noContent, problem, recordingFetch, scapiConfig } from '../fakeFetch.ts'
import { ACCESS_TOKEN, BASKET } from '../scapiFixtures.ts'

const token = { accessToken: ACCESS_TOKEN }

describe('transferBasket', () => {
  it('resolves to undefined when neither shopper had a basket (204)', async () => {
    const { fetch } = recordingFetch(() => noContent())
    await expect(transferBasket(scapiConfig(fetch), { ...token, merge: true })).resolves.toBe(
      undefined,
    )
  })

  it('sends overrideExisting and merge as strings, and no body', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, BASKET))
    await transferBasket(scapiConfig(fetch), { ...token, overrideExisting: true, merge: false })
    expect(calls[0]?.url.searchParams.get('overrideExisting')).toBe('true')
    expect(calls[0]?.url.searchParams.get('merge')).toBe('false')
    expect(calls[0]?.body).toBe('')
  })

  it('maps an existing registered basket (409) to conflict', async () => {
    const answer = problem(
      409,
      'basket-transfer-basket-already-exists-exception',
      "The current customer with ID 'x' has an active basket.",
    )
    const { fetch } = recordingFetch(() => answer)
    await expectCode(transferBasket(scapiConfig(fetch), token), 'conflict')
  })

  it('maps a token without a previous shopper (403, plain JSON) to forbidden', async () => {
    const { fetch } = recordingFetch(() =>
      json(403, {
        title: 'Forbidden',
        type: 'https://api.commercecloud.salesforce.com/documentation/error/v1/errors/forbidden',
        detail: 'Your access-token is valid, but it contains no previous customer to process this action.',
      }),
    )
    await expectCode(transferBasket(scapiConfig(fetch), token), 'forbidden')
  })
})

describe('mergeBasket', () => {
  it('maps a missing guest basket (409) to conflict', async () => {
    const detail = 'The previous customer has no basket.'
    const answer = problem(409, 'no-source-basket-exception', detail)
    const { fetch } = recordingFetch(() => answer)
    await expectCode(mergeBasket(scapiConfig(fetch), token), 'conflict')
  })
})

describe('createBasket and getBasket', () => {
  it('maps a second open basket (400 quota exceeded) to conflict', async () => {
    const answer = problem(400, 'customer-baskets-quota-exceeded', 'Quota exceeded.', {
      basketIds: 'basket-1',
    })
    const { fetch } = recordingFetch(() => answer)
    const params = { ...token, body: {} }
    const error = await expectCode(createBasket(scapiConfig(fetch), params), 'conflict')
    expect(error.serverError).toBe('customer-baskets-quota-exceeded')
  })

  it('sends taxMode and refuses an unknown one before sending', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, BASKET))
    await createBasket(scapiConfig(fetch), { ...token, taxMode: 'external', body: {} })
    expect(calls[0]?.url.searchParams.get('taxMode')).toBe('external')
    await expectCode(
      createBasket(scapiConfig(fetch), { ...token, taxMode: 'none' as never, body: {} }),
      'invalid_config',
    )
    expect(calls).toHaveLength(1)
  })

  it('maps basket-not-found to not_found', async () => {
    const answer = problem(404, 'basket-not-found', "No basket with ID '123' could be found.")
    const { fetch } = recordingFetch(() => answer)
    await expectCode(getBasket(scapiConfig(fetch), { ...token, basketId: '123' }), 'not_found')
  })

  it('accepts a basket whose customer has no email yet, keeping custom attributes', async () => {
    const { fetch } = recordingFetch(() => json(200, BASKET))
    const basket = await getBasket(scapiConfig(fetch), { ...token, basketId: 'basket-1' })
    expect(basket.customerInfo?.email).toBeUndefined()
    expect(basket.productItems?.[0]?.c_engraving).toBe('A')
    expect(basket.c_channel).toBe('web')
  })
})

describe('request bodies', () => {
  it.each([
    [[], 'addItemToBasket: body: must contain at least one item'],
    [[{ productId: 'p', quantity: 0 }], 'addItemToBasket: body[0].quantity: must be at least 0.01'],
    [
      [{ productId: 'p', quantity: 1000 }],
      'addItemToBasket: body[0].quantity: must be at most 999',
    ],
    [[{ quantity: 1 }], 'addItemToBasket: body[0].productId: is required'],
  ])('addItemToBasket refuses %j', async (body, message) => {
    const { fetch, calls } = recordingFetch(() => json(200, BASKET))
    const params = { ...token, basketId: 'basket-1', body } as Parameters<typeof addItemToBasket>[1]
    const error = await expectCode(addItemToBasket(scapiConfig(fetch), params), 'bad_request')
    expect(error.message).toBe(message)
    expect(calls).toHaveLength(0)
  })

  it('updateCustomerForBasket needs an email', async () => {
    const { fetch } = recordingFetch(() => json(200, BASKET))
    const params = { ...token, basketId: 'basket-1', body: { customerName: 'Ada' } }
    const error = await expectCode(
      updateCustomerForBasket(scapiConfig(fetch), params as never),
      'bad_request',
    )
    expect(error.message).toBe('updateCustomerForBasket: body.email: is required')
  })
})
