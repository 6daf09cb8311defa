/**
 * getCustomer (expand rules) and updateCustomer (read-only fields ignored, custom attributes
 * kept, the loginId change rule both ways and with the option off, login uniqueness, nothing
 * half-applied).
 */
import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../../support/emulator.ts'
import { loginRequest } from '../helpers.ts'
import { call, expectProblem, ok, registeredShopper } from './helpers.ts'

const ADA_PASSWORD = 'Ada-Lovelace-1815'

describe('getCustomer', () => {
  it('expands addresses and payment instruments by default, none or what is asked', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}`
    await ok(
      await call(emulator, 'POST', `${path}/addresses`, {
        token: ada.token,
        body: { addressId: 'home', countryCode: 'GB', lastName: 'Lovelace' },
      }),
    )
    const plain = await ok(await call(emulator, 'GET', path, { token: ada.token }))
    expect(plain).toMatchObject({
      customerId: 'abAdaLovelaceEmulator01815',
      customerNo: '00001815',
      login: 'ada@example.com',
      authType: 'registered',
      addresses: [{ addressId: 'home' }],
      paymentInstruments: [],
    })
    expect(plain).not.toHaveProperty('paymentMethodReferences')
    expect(plain).not.toHaveProperty('password')
    const none = await ok(
      await call(emulator, 'GET', path, { token: ada.token, query: { expand: 'none' } }),
    )
    expect(none).not.toHaveProperty('addresses')
    expect(none).not.toHaveProperty('paymentInstruments')
    const some = await ok(
      await call(emulator, 'GET', path, {
        token: ada.token,
        query: { expand: 'addresses,paymentmethodreferences' },
      }),
    )
    expect(some).toHaveProperty('addresses')
    expect(some).toHaveProperty('paymentMethodReferences')
    expect(some).not.toHaveProperty('paymentInstruments')
    const bad = await call(emulator, 'GET', path, { token: ada.token, query: { expand: 'orders' } })
    const body = await expectProblem(bad, 400, 'invalid-expand-parameter')
    expect(body.param).toBe('orders')
  })
})

describe('updateCustomer', () => {
  it('changes writable fields, keeps c_*, ignores read-only and unknown fields', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}`
    const before = await ok(await call(emulator, 'GET', path, { token: ada.token }))
    emulator.control.advanceTime(1000)
    const updated = await ok(
      await call(emulator, 'PATCH', path, {
        token: ada.token,
        body: {
          firstName: 'Augusta Ada',
          phoneMobile: '+44 20 0000',
          birthday: '1815-12-10',
          c_favourite: { engine: 'analytical' },
          customerId: 'hijack',
          customerNo: '1',
          emailVerified: true,
          hasPassword: false,
          creationDate: '2000-01-01T00:00:00.000Z',
          authType: 'guest',
          somethingElse: 1,
        },
      }),
    )
    expect(updated).toMatchObject({
      firstName: 'Augusta Ada',
      phoneMobile: '+44 20 0000',
      birthday: '1815-12-10',
      c_favourite: { engine: 'analytical' },
      customerId: ada.customerId,
      customerNo: '00001815',
      emailVerified: false,
      hasPassword: true,
      authType: 'registered',
      creationDate: before.creationDate,
    })
    expect(updated).not.toHaveProperty('somethingElse')
    expect(updated.lastModified).not.toBe(before.lastModified)
    const cleared = await ok(
      await call(emulator, 'PATCH', path, { token: ada.token, body: { phoneMobile: null } }),
    )
    expect(cleared).not.toHaveProperty('phoneMobile')
    for (const body of [
      { lastName: '' },
      { email: null },
      { gender: 'x' },
      { fax: 'f'.repeat(33) },
    ]) {
      await expectProblem(
        await call(emulator, 'PATCH', path, { token: ada.token, body }),
        400,
        'bad-request',
      )
    }
  })

  it('a login change needs the matching currentPassword; nothing changes otherwise', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}`
    for (const currentPassword of [undefined, 'wrong-password', 12]) {
      const response = await call(emulator, 'PATCH', path, {
        token: ada.token,
        body: { login: 'countess@example.com', firstName: 'Changed', currentPassword },
      })
      await expectProblem(
        response,
        400,
        'invalid-current-password',
        'The current password is missing or does not match.',
      )
    }
    const still = await ok(await call(emulator, 'GET', path, { token: ada.token }))
    expect(still).toMatchObject({ login: 'ada@example.com', firstName: 'Ada' })
    // The same login again (e.g. the whole profile form) is not a change.
    await ok(
      await call(emulator, 'PATCH', path, {
        token: ada.token,
        body: { login: 'ada@example.com', firstName: 'Ada' },
      }),
    )

    const changed = await ok(
      await call(emulator, 'PATCH', path, {
        token: ada.token,
        body: { login: 'countess@example.com', currentPassword: ADA_PASSWORD },
      }),
    )
    expect(changed.login).toBe('countess@example.com')
    expect(changed).not.toHaveProperty('currentPassword')
    emulator.control.advanceTime(2000)
    const old = await loginRequest(emulator, { login: 'ada@example.com', password: ADA_PASSWORD })
    expect(old.response.status).toBe(401)
    const fresh = await registeredShopper(emulator, {
      login: 'countess@example.com',
      password: ADA_PASSWORD,
    })
    expect(fresh.customerId).toBe(ada.customerId)
  })

  it('refuses a login that another shopper has (400 login-already-in-use)', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const response = await call(emulator, 'PATCH', `/customers/${ada.customerId}`, {
      token: ada.token,
      body: { login: 'GRACE@example.com', currentPassword: ADA_PASSWORD, firstName: 'X' },
    })
    await expectProblem(response, 400, 'login-already-in-use')
    const profile = await ok(
      await call(emulator, 'GET', `/customers/${ada.customerId}`, { token: ada.token }),
    )
    expect(profile.firstName).toBe('Ada')
  })

  it('loginChangeRequiresPassword false: a login changes without currentPassword', async () => {
    const emulator = createTestEmulator({ loginChangeRequiresPassword: false })
    expect(emulator.settings.loginChangeRequiresPassword).toBe(false)
    const ada = await registeredShopper(emulator)
    const changed = await ok(
      await call(emulator, 'PATCH', `/customers/${ada.customerId}`, {
        token: ada.token,
        body: { login: 'countess@example.com' },
      }),
    )
    expect(changed.login).toBe('countess@example.com')
    expect(createTestEmulator().settings.loginChangeRequiresPassword).toBe(true)
  })
})
