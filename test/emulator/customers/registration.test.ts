/**
 * registerCustomer: a guest token registers a shopper (mandatory login, lastName, email,
 * password; the password policy; unique logins), who can then log in through SLAS.
 */
import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../../support/emulator.ts'
import { loginRequest } from '../helpers.ts'
import {
  call,
  expectProblem,
  GOOD_PASSWORD,
  guestShopper,
  ok,
  registeredShopper,
  registration,
} from './helpers.ts'

describe('registerCustomer', () => {
  it('registers with a guest token; the new shopper logs in through SLAS', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const body = registration('Jane@Example.com', GOOD_PASSWORD, { phoneHome: '555', c_vip: true })
    const customer = await ok(
      await call(emulator, 'POST', '/customers', { token: guest.token, body }),
    )
    expect(customer).toMatchObject({
      authType: 'registered',
      login: 'Jane@Example.com',
      email: 'Jane@Example.com',
      firstName: 'Test',
      lastName: 'Shopper',
      phoneHome: '555',
      c_vip: true,
      enabled: true,
      hasPassword: true,
      emailVerified: false,
    })
    expect(customer.customerId).toMatch(/^[A-Za-z0-9]{26}$/)
    expect(customer.customerNo).toMatch(/^\d{8}$/)
    expect(customer.creationDate).toBe(customer.lastModified)
    expect(customer).not.toHaveProperty('addresses')
    expect(customer).not.toHaveProperty('password')

    const shopper = await registeredShopper(emulator, {
      login: 'jane@example.com',
      password: GOOD_PASSWORD,
      usid: guest.usid,
    })
    expect(shopper.customerId).toBe(customer.customerId)
    expect(shopper.usid).toBe(guest.usid)
    const profile = await ok(
      await call(emulator, 'GET', `/customers/${shopper.customerId}`, { token: shopper.token }),
    )
    expect(profile).toMatchObject({ login: 'Jane@Example.com', phoneHome: '555', c_vip: true })
  })

  it('needs a guest token', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const response = await call(emulator, 'POST', '/customers', {
      token: ada.token,
      body: registration('new@example.com', GOOD_PASSWORD),
    })
    await expectProblem(response, 400, 'invalid-customer', 'The customer is invalid.')
  })

  it('requires login, lastName, email and password', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const valid = registration('new@example.com', GOOD_PASSWORD)
    const broken = [
      { ...valid, customer: { ...valid.customer, login: undefined } },
      { ...valid, customer: { ...valid.customer, lastName: '' } },
      { ...valid, customer: { ...valid.customer, email: null } },
      { ...valid, customer: { ...valid.customer, email: 'x'.repeat(257) } },
      { ...valid, customer: { ...valid.customer, birthday: 'yesterday' } },
      { ...valid, password: undefined },
      { ...valid, password: 42 },
      { password: GOOD_PASSWORD },
      { ...valid, customer: 'jane' },
    ]
    for (const body of broken) {
      const response = await call(emulator, 'POST', '/customers', { token: guest.token, body })
      await expectProblem(response, 400, 'bad-request')
    }
    const login = await loginRequest(emulator, {
      login: 'new@example.com',
      password: GOOD_PASSWORD,
    })
    expect(login.response.status).toBe(401)
  })

  it('refuses a taken login, case-insensitively (400 login-already-in-use)', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const response = await call(emulator, 'POST', '/customers', {
      token: guest.token,
      body: registration('ADA@example.com', GOOD_PASSWORD),
    })
    await expectProblem(
      response,
      400,
      'login-already-in-use',
      "The login 'ADA@example.com' is already in use.",
    )
  })

  it('applies the default password policy (8+ chars, upper, lower, digit, special)', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    for (const weak of ['Sh0rt!', 'alllower1!', 'ALLUPPER1!', 'NoDigits!!', 'NoSpecial12', '']) {
      const response = await call(emulator, 'POST', '/customers', {
        token: guest.token,
        body: registration('weak@example.com', weak),
      })
      await expectProblem(
        response,
        400,
        'invalid-password',
        'The password does not meet the policy.',
      )
    }
  })

  it('takes a custom policy: rules or a function', async () => {
    const lax = createTestEmulator({
      passwordPolicy: { minLength: 4, requireUpper: false, requireSpecial: false },
    })
    const guest = await guestShopper(lax)
    await ok(
      await call(lax, 'POST', '/customers', {
        token: guest.token,
        body: registration('lax@example.com', 'abc1'),
      }),
    )
    const custom = createTestEmulator({ passwordPolicy: (password) => password.startsWith('ok-') })
    const other = await guestShopper(custom)
    const refused = await call(custom, 'POST', '/customers', {
      token: other.token,
      body: registration('f@example.com', GOOD_PASSWORD),
    })
    await expectProblem(refused, 400, 'invalid-password')
    await ok(
      await call(custom, 'POST', '/customers', {
        token: other.token,
        body: registration('f@example.com', 'ok-whatever'),
      }),
    )
    expect(() => createTestEmulator({ passwordPolicy: { minLength: 0 } })).toThrow(TypeError)
  })
})
