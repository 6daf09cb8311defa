/**
 * Customer payment instruments (masked card data, the default flag, updates limited to `default`
 * and the card expiration) and Salesforce Payments payment method references.
 */
import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../../support/emulator.ts'
import { call, expectProblem, ok, registeredShopper } from './helpers.ts'

const CARD_NUMBER = '4111111111111111'
const CARD = {
  cardType: 'Visa',
  expirationMonth: 7,
  expirationYear: 2030,
  holder: 'Ada Lovelace',
  issueNumber: '',
  number: CARD_NUMBER,
  validFromMonth: 1,
  validFromYear: 2020,
}

describe('customer payment instruments', () => {
  it('stores a card masked, never the number; gets, updates and deletes it', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/payment-instruments`
    const response = await call(emulator, 'POST', base, {
      token: ada.token,
      body: { paymentCard: CARD, giftCertificateCode: 'gift-code-123', default: true, c_note: 'n' },
    })
    const text = await response.clone().text()
    expect(text).not.toContain(CARD_NUMBER)
    const created = await ok(response)
    expect(created).toMatchObject({
      paymentMethodId: 'CREDIT_CARD',
      default: true,
      maskedGiftCertificateCode: '**********123',
      c_note: 'n',
      paymentCard: {
        cardType: 'Visa',
        maskedNumber: '************1111',
        numberLastDigits: '1111',
        holder: 'Ada Lovelace',
        creditCardExpired: false,
        expirationYear: 2030,
      },
    })
    const id = String(created.paymentInstrumentId)
    expect(await ok(await call(emulator, 'GET', `${base}/${id}`, { token: ada.token }))).toEqual(
      created,
    )
    const profile = await call(emulator, 'GET', `/customers/${ada.customerId}`, {
      token: ada.token,
    })
    expect(await profile.text()).not.toContain(CARD_NUMBER)

    const updated = await ok(
      await call(emulator, 'PATCH', `${base}/${id}`, {
        token: ada.token,
        body: { default: false, paymentCard: { expirationMonth: 12, expirationYear: 2020 } },
      }),
    )
    expect(updated).toMatchObject({
      default: false,
      paymentCard: { expirationMonth: 12, expirationYear: 2020, creditCardExpired: true },
    })
    expect((await call(emulator, 'DELETE', `${base}/${id}`, { token: ada.token })).status).toBe(204)
    await expectProblem(
      await call(emulator, 'GET', `${base}/${id}`, { token: ada.token }),
      404,
      'not-found',
    )
  })

  it('refuses updates beyond default and expiration (400 Unsupported Fields)', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/payment-instruments`
    const created = await ok(
      await call(emulator, 'POST', base, { token: ada.token, body: { paymentCard: CARD } }),
    )
    const path = `${base}/${String(created.paymentInstrumentId)}`
    const unsupported = [
      { paymentMethodId: 'OTHER' },
      { default: true, c_note: 'x' },
      { paymentCard: { holder: 'Someone Else' } },
      { paymentCard: { expirationMonth: 1, number: '4000000000000002' } },
    ]
    for (const body of unsupported) {
      await expectProblem(
        await call(emulator, 'PATCH', path, { token: ada.token, body }),
        400,
        'unsupported-fields',
        'Unsupported fields in the request for updates.',
      )
    }
    for (const body of [{ paymentCard: { expirationMonth: 13 } }, { default: 'yes' }]) {
      await expectProblem(
        await call(emulator, 'PATCH', path, { token: ada.token, body }),
        400,
        'bad-request',
      )
    }
    const unchanged = await ok(await call(emulator, 'GET', path, { token: ada.token }))
    expect(unchanged).toMatchObject({ default: false, paymentCard: { expirationMonth: 7 } })
    await expectProblem(
      await call(emulator, 'PATCH', `${base}/unknown`, {
        token: ada.token,
        body: { default: true },
      }),
      404,
      'not-found',
    )
  })

  it('checks the request and keeps one default instrument', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/payment-instruments`
    const broken = [
      { paymentCard: { ...CARD, number: undefined } },
      { paymentCard: { ...CARD, expirationMonth: 0 } },
      { paymentCard: { ...CARD, issueNumber: undefined } },
      { paymentBankAccount: { holder: 'A' } },
      {},
    ]
    for (const body of broken) {
      await expectProblem(
        await call(emulator, 'POST', base, { token: ada.token, body }),
        400,
        'bad-request',
      )
    }
    const first = await ok(
      await call(emulator, 'POST', base, {
        token: ada.token,
        body: { paymentCard: CARD, default: true },
      }),
    )
    const second = await ok(
      await call(emulator, 'POST', base, {
        token: ada.token,
        body: {
          paymentMethodId: 'BANK',
          paymentBankAccount: {
            driversLicense: 'D1234567',
            driversLicenseStateCode: 'UT',
            holder: 'Ada',
            number: '9796976',
          },
          default: true,
        },
      }),
    )
    expect(second.paymentBankAccount).toMatchObject({
      maskedNumber: '***6976',
      numberLastDigits: '6976',
    })
    const again = await ok(
      await call(emulator, 'GET', `${base}/${String(first.paymentInstrumentId)}`, {
        token: ada.token,
      }),
    )
    expect(again.default).toBe(false)
  })
})

describe('payment method references (Salesforce Payments)', () => {
  it('sets up a reference, shows it with expand, and deletes it by id and accountId', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/payment-method-references`
    const setup = await ok(
      await call(emulator, 'POST', `${base}/actions/setup`, {
        token: ada.token,
        query: { zoneId: 'Amer-Zone' },
        body: { paymentMethodType: 'card', gatewayProperties: { stripe: { usage: 'on_session' } } },
      }),
    )
    expect(String(setup.paymentMethodReferenceSetupId)).toMatch(/^seti_/)
    const customer = await ok<{ paymentMethodReferences: { id: string; accountId: string }[] }>(
      await call(emulator, 'GET', `/customers/${ada.customerId}`, {
        token: ada.token,
        query: { expand: 'paymentmethodreferences' },
      }),
    )
    const [reference] = customer.paymentMethodReferences
    expect(reference).toMatchObject({ type: 'card', last4: '4242' })
    const id = reference?.id ?? ''
    await expectProblem(
      await call(emulator, 'DELETE', `${base}/${id}`, { token: ada.token }),
      400,
      'bad-request',
    )
    const wrongAccount = await call(emulator, 'DELETE', `${base}/${id}`, {
      token: ada.token,
      query: { accountId: 'acct_other' },
    })
    await expectProblem(wrongAccount, 404, 'not-found')
    const deleted = await call(emulator, 'DELETE', `${base}/${id}`, {
      token: ada.token,
      query: { accountId: reference?.accountId ?? '' },
    })
    expect(deleted.status).toBe(204)
  })

  it('needs zoneId and gatewayProperties with stripe or adyen', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}/payment-method-references/actions/setup`
    const good = { gatewayProperties: { adyen: {} } }
    await expectProblem(
      await call(emulator, 'POST', path, { token: ada.token, body: good }),
      400,
      'bad-request',
    )
    for (const body of [
      {},
      { gatewayProperties: { paypal: {} } },
      { gatewayProperties: { stripe: 1 } },
    ]) {
      const response = await call(emulator, 'POST', path, {
        token: ada.token,
        body,
        query: { zoneId: 'z' },
      })
      await expectProblem(response, 400, 'bad-request')
    }
  })
})
