/**
 * Stagers for the Shopper Customers rows of the "assumed wire shapes" table, used by
 * `test/emulator/wireShapes.test.ts`. A stager may name a `placeholder`: a value of the real answer
 * (a random customer id, a login) that the row writes as `x`.
 */
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import {
  amToken,
  call,
  GOOD_PASSWORD,
  guestShopper,
  ok,
  OTHER_PASSWORD,
  otherShopper,
  registeredShopper,
  registration,
} from './helpers.ts'

/** What a stager produces. */
export interface Staged {
  emulator: Emulator
  response: Response
  /** Replaced by `x` in the answer before comparing with the row. */
  placeholder?: string
}

const ADA_PASSWORD = 'Ada-Lovelace-1815'

/** One stager per Shopper Customers row. */
export const CUSTOMER_STAGERS: Record<string, () => Promise<Staged>> = {
  'scapi.invalidAccessToken': async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const response = await call(emulator, 'GET', `/customers/${ada.customerId}`, {
      token: 'not.a.token',
    })
    return { emulator, response }
  },
  'scapi.credentialsChanged': async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    await call(emulator, 'PUT', `/customers/${ada.customerId}/password`, {
      token: ada.token,
      body: { currentPassword: ADA_PASSWORD, password: OTHER_PASSWORD },
    })
    const response = await call(emulator, 'GET', `/customers/${ada.customerId}`, {
      token: ada.token,
    })
    return { emulator, response }
  },
  'scapi.otherCustomer': async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const grace = await otherShopper(emulator)
    const response = await call(emulator, 'GET', `/customers/${grace.customerId}`, {
      token: ada.token,
    })
    return { emulator, response }
  },
  'scapi.notFound': async () => {
    // A guest has no registered profile: its own customer id is "not found".
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const response = await call(emulator, 'GET', `/customers/${guest.customerId}`, {
      token: guest.token,
    })
    return { emulator, response, placeholder: guest.customerId }
  },
  'scapi.loginTaken': async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const login = emulator.settings.shoppers[0]?.login ?? ''
    const response = await call(emulator, 'POST', '/customers', {
      token: guest.token,
      body: registration(login, GOOD_PASSWORD),
    })
    return { emulator, response, placeholder: login }
  },
  'scapi.weakPassword': async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const response = await call(emulator, 'POST', '/customers', {
      token: guest.token,
      body: registration('new@example.com', 'weak'),
    })
    return { emulator, response }
  },
  'scapi.wrongCurrentPassword': async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const response = await call(emulator, 'PATCH', `/customers/${ada.customerId}`, {
      token: ada.token,
      body: { login: 'countess@example.com', currentPassword: 'not-the-password' },
    })
    return { emulator, response }
  },
  'scapi.invalidResetToken': async () => {
    const emulator = createTestEmulator()
    const response = await call(emulator, 'POST', '/customers/password/actions/reset', {
      token: await amToken(emulator),
      body: { resetToken: 'no-such-token', login: 'ada@example.com', newPassword: GOOD_PASSWORD },
    })
    return { emulator, response }
  },
  'scapi.badRequest': async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/payment-instruments`
    const created = await ok(
      await call(emulator, 'POST', base, { token: ada.token, body: { paymentMethodId: 'CASH' } }),
    )
    const response = await call(
      emulator,
      'PATCH',
      `${base}/${String(created.paymentInstrumentId)}`,
      {
        token: ada.token,
        body: { paymentMethodId: 'OTHER' },
      },
    )
    return { emulator, response }
  },
}
