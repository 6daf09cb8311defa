/**
 * The Account Manager client against the emulator, in-process: the client-credentials token, its
 * use on the Shopper Customers operations that take it, and its refusals.
 */
import { describe, expect, it } from 'vitest'
import {
  AccountManagerTokenSchema,
  getAccountManagerToken,
  getCustomer,
  getResetPasswordToken,
} from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import {
  amConfig,
  operationTracker,
  registered,
  scapiConfig,
  seeded,
} from './emulatorClients.ts'

const tracker = operationTracker()

describe('Account Manager client against the emulator (in-process)', () => {
  it('getAccountManagerToken: a Bearer token with the requested scope', async () => {
    const emulator = tracker.emulator()
    const token = await getAccountManagerToken(amConfig(emulator), {
      scope: 'sfcc.shopper-customers.login',
    })
    expect(AccountManagerTokenSchema.safeParse(token).success).toBe(true)
    expect(token).toMatchObject({
      token_type: 'Bearer',
      expires_in: emulator.settings.accountManager.tokenSeconds,
      scope: 'sfcc.shopper-customers.login',
    })
    // Without a scope the client's own scopes are granted.
    const defaults = await getAccountManagerToken(amConfig(emulator))
    expect(defaults.scope).toBe(emulator.settings.accountManager.scopes.join(' '))
    tracker.expectAllCalled(['getAccountManagerToken'])
  })

  it('the token works for the Shopper Customers operations that take it', async () => {
    const emulator = tracker.emulator()
    const { access_token } = await getAccountManagerToken(amConfig(emulator))
    const { login } = seeded(emulator)
    const reset = await getResetPasswordToken(scapiConfig(emulator), {
      accessToken: access_token,
      body: { login },
    })
    expect(reset.login).toBe(login)
  })

  it('a wrong client secret or an unknown client is invalid_client', async () => {
    const emulator = tracker.emulator()
    await expectCode(
      getAccountManagerToken({ ...amConfig(emulator), clientSecret: 'not-the-am-secret' }),
      'invalid_client',
    )
    await expectCode(
      getAccountManagerToken({ ...amConfig(emulator), clientId: 'someone-else' }),
      'invalid_client',
    )
    expect(emulator.control.requests('getAccountManagerToken').map((e) => e.status)).toEqual([
      401, 401,
    ])
  })

  it('a scope the client may not have is bad_request', async () => {
    const emulator = tracker.emulator()
    await expectCode(
      getAccountManagerToken(amConfig(emulator), { scope: 'sfcc.shopper-customers.admin' }),
      'bad_request',
    )
  })

  it('an expired Account Manager token is invalid_token, and so is a shopper token', async () => {
    const emulator = tracker.emulator()
    const config = scapiConfig(emulator)
    const { login } = seeded(emulator)
    const { access_token, expires_in } = await getAccountManagerToken(amConfig(emulator))
    emulator.control.advanceTime(expires_in * 1000 + 1)
    await expectCode(
      getResetPasswordToken(config, { accessToken: access_token, body: { login } }),
      'invalid_token',
    )
    const shopper = await registered(emulator)
    await expectCode(
      getResetPasswordToken(config, { accessToken: shopper.access_token, body: { login } }),
      'invalid_token',
    )
  })

  it('an Account Manager token is no shopper token', async () => {
    const emulator = tracker.emulator()
    const { access_token } = await getAccountManagerToken(amConfig(emulator))
    await expectCode(
      getCustomer(scapiConfig(emulator), {
        accessToken: access_token,
        customerId: seeded(emulator).customerId,
      }),
      'invalid_token',
    )
  })
})
