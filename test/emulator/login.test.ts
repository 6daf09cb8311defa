import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import {
  basic,
  claims,
  expectSlasError,
  FIXED_CLOCK,
  fromLocation,
  loginRegistered,
  loginRequest,
  post,
  slasUrl,
} from './helpers.ts'

const WRONG = { error: 'invalid_client', error_description: 'Basic Authorization failed.' }
const LOCKED = { error: 'invalid_client', error_description: 'Customer account is locked.' }
const CONFLICT = { error: 'conflict' }

describe('authenticateCustomer (POST /oauth2/login)', () => {
  it('right credentials: 303 with code and a new usid; the code gives a registered token', async () => {
    const emulator = createTestEmulator()
    const { response } = await loginRequest(emulator)
    const { code, usid } = fromLocation(response)
    expect(code).toMatch(/^[\w-]{43}$/)
    expect(usid).toMatch(/^[0-9a-f-]{36}$/)
    emulator.control.advanceTime(1000)
    const token = await loginRegistered(emulator)
    const ada = emulator.settings.shoppers[0]!
    expect(token.customer_id).toBe(ada.customerId)
    expect(token.refresh_token_expires_in).toBe(90 * 86400)
    expect(claims(token.access_token).isb).toContain(`::rcid:${ada.customerId}::`)
  })

  it('logins are case-insensitive', async () => {
    const emulator = createTestEmulator()
    const { response } = await loginRequest(emulator, { login: 'ADA@Example.com' })
    expect(response.status).toBe(303)
  })

  it('extra c_* and unknown form fields are tolerated', async () => {
    const emulator = createTestEmulator()
    const ada = emulator.settings.shoppers[0]!
    const response = await post(
      emulator,
      '/login',
      {
        client_id: emulator.settings.clients.public.clientId,
        channel_id: 'RefArch',
        code_challenge: 'a'.repeat(43),
        redirect_uri: emulator.settings.redirectURI,
        c_loyalty: 'gold',
        organizationId: emulator.settings.organizationId,
      },
      { authorization: basic(ada.login, ada.password) },
    )
    expect(response.status).toBe(303)
  })

  it.each([
    ['wrong password', { password: 'not-it' }],
    ['unknown login', { login: 'nobody@example.com' }],
  ])('%s → 401 Basic Authorization failed', async (_, credentials) => {
    const { response } = await loginRequest(createTestEmulator(), credentials)
    await expectSlasError(response, 401, WRONG)
  })

  it('missing shopper credentials → 401', async () => {
    const emulator = createTestEmulator()
    const response = await post(emulator, '/login', {
      client_id: emulator.settings.clients.public.clientId,
      channel_id: 'RefArch',
      code_challenge: 'a'.repeat(43),
      redirect_uri: emulator.settings.redirectURI,
    })
    await expectSlasError(response, 401, WRONG)
  })

  it('public client without code_challenge → 400; unknown client → 400; bad redirect → 400', async () => {
    const emulator = createTestEmulator()
    await expectSlasError((await loginRequest(emulator, { challenge: '' })).response, 400)
    await expectSlasError((await loginRequest(emulator, { clientId: 'nobody' })).response, 400, {
      error_description: 'Bad or missing client_id.',
    })
  })

  it('strict client auth on /login', async () => {
    const emulator = createTestEmulator({ clients: { private: { strictClientAuth: true } } })
    const { clientId, secret } = emulator.settings.clients.private
    await expectSlasError((await loginRequest(emulator, { clientId })).response, 401, {
      error: 'invalid_client',
      error_description: 'Authorization failed.',
    })
    const header = basic(clientId, secret ?? '').slice(6)
    const ok = await loginRequest(emulator, { clientId, headers: { 'x-slas-client-auth': header } })
    expect(ok.response.status).toBe(303)
  })
})

describe('lockout', () => {
  it('5 wrong passwords lock the login for 30 minutes, even with the right password', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expectSlasError(
        (await loginRequest(emulator, { password: 'wrong' })).response,
        401,
        WRONG,
      )
    }
    await expectSlasError(
      (await loginRequest(emulator, { password: 'wrong' })).response,
      401,
      LOCKED,
    )
    await expectSlasError((await loginRequest(emulator)).response, 401, LOCKED)
    // Another shopper is not affected.
    const grace = emulator.settings.shoppers[1]!
    expect(
      (await loginRequest(emulator, { login: grace.login, password: grace.password })).response
        .status,
    ).toBe(303)
    emulator.control.advanceTime(30 * 60_000 - 1)
    await expectSlasError((await loginRequest(emulator)).response, 401, LOCKED)
    emulator.control.advanceTime(1)
    expect((await loginRequest(emulator)).response.status).toBe(303)
  })

  it('a success resets the counter', async () => {
    const emulator = createTestEmulator()
    for (let i = 0; i < 4; i += 1) await loginRequest(emulator, { password: 'wrong' })
    expect((await loginRequest(emulator)).response.status).toBe(303)
    for (let i = 0; i < 4; i += 1) {
      await expectSlasError(
        (await loginRequest(emulator, { password: 'wrong' })).response,
        401,
        WRONG,
      )
    }
  })

  it('is configurable, and 0 attempts disables it', async () => {
    const strict = createTestEmulator({
      ...FIXED_CLOCK,
      lockout: { maxAttempts: 2, lockSeconds: 10 },
    })
    await loginRequest(strict, { password: 'wrong' })
    await expectSlasError((await loginRequest(strict, { password: 'wrong' })).response, 401, LOCKED)
    strict.control.advanceTime(10_000)
    expect((await loginRequest(strict)).response.status).toBe(303)
    const off = createTestEmulator({ lockout: { maxAttempts: 0 } })
    for (let i = 0; i < 10; i += 1) {
      await expectSlasError((await loginRequest(off, { password: 'wrong' })).response, 401, WRONG)
    }
    expect((await loginRequest(off)).response.status).toBe(303)
  })
})

describe('same login twice within 1 second', () => {
  it('→ 409; after the window it works again', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    expect((await loginRequest(emulator)).response.status).toBe(303)
    emulator.control.advanceTime(999)
    await expectSlasError((await loginRequest(emulator)).response, 409, CONFLICT)
    emulator.control.advanceTime(1)
    expect((await loginRequest(emulator)).response.status).toBe(303)
  })

  it('a wrong password right after a login is still a 401 (only successful logins conflict)', async () => {
    const emulator = createTestEmulator()
    await loginRequest(emulator)
    await expectSlasError(
      (await loginRequest(emulator, { password: 'wrong' })).response,
      401,
      WRONG,
    )
  })

  it('configurable window; 0 disables', async () => {
    const off = createTestEmulator({ loginConflictWindowMs: 0 })
    expect((await loginRequest(off)).response.status).toBe(303)
    expect((await loginRequest(off)).response.status).toBe(303)
    const wide = createTestEmulator({ ...FIXED_CLOCK, loginConflictWindowMs: 5000 })
    await loginRequest(wide)
    wide.control.advanceTime(4000)
    expect((await loginRequest(wide)).response.status).toBe(409)
  })
})

describe('login form checks', () => {
  it('wrong content type → 400 and nothing happens', async () => {
    const emulator = createTestEmulator()
    const ada = emulator.settings.shoppers[0]!
    const response = await emulator.handle(
      new Request(slasUrl(emulator, '/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basic(ada.login, 'wrong') },
        body: JSON.stringify({ client_id: emulator.settings.clients.public.clientId }),
      }),
    )
    await expectSlasError(response, 400)
    // The wrong password above was never judged: four more wrong ones do not lock.
    for (let i = 0; i < 4; i += 1) await loginRequest(emulator, { password: 'wrong' })
    expect((await loginRequest(emulator)).response.status).toBe(303)
  })
})
