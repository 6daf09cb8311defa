import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'
import { createTestEmulator } from '../support/emulator.ts'
import {
  basic,
  expectSlasError,
  get,
  loginGuest,
  loginGuestPrivate,
  loginRegistered,
  post,
  privateAuth,
  refresh,
  tokens,
  userinfo,
} from './helpers.ts'

const EMPTIED = {
  access_token: '',
  id_token: 'null',
  refresh_token: '',
  expires_in: 0,
  refresh_token_expires_in: 0,
  token_type: 'Bearer',
  usid: 'null',
  customer_id: 'null',
  enc_user_id: 'null',
  idp_access_token: '',
  idp_refresh_token: 'null',
  dnt: 'null',
}

function logout(
  emulator: Emulator,
  accessToken: string,
  refreshToken: string,
  extra: Record<string, string> = {},
) {
  return get(
    emulator,
    '/logout',
    {
      client_id: emulator.settings.clients.public.clientId,
      channel_id: 'RefArch',
      refresh_token: refreshToken,
      ...extra,
    },
    { authorization: `Bearer ${accessToken}` },
  )
}

describe('logoutCustomer (GET /oauth2/logout)', () => {
  it('200 with the emptied TokenResponse; refresh and access token are dead afterwards', async () => {
    const emulator = createTestEmulator()
    const shopper = await loginRegistered(emulator)
    const response = await logout(emulator, shopper.access_token, shopper.refresh_token)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(EMPTIED)
    await expectSlasError(await refresh(emulator, shopper.refresh_token), 400, {
      message: 'invalid refresh_token',
    })
    expect((await userinfo(emulator, shopper.access_token)).status).toBe(401)
  })

  it('a bad access token → 401 invalid_token, and nothing is ended', async () => {
    const emulator = createTestEmulator()
    const shopper = await loginRegistered(emulator)
    const bad = { error: 'invalid_token', error_description: 'Bad or missing access token.' }
    await expectSlasError(await logout(emulator, 'not-a-jwt', shopper.refresh_token), 401, bad)
    const missing = await get(emulator, '/logout', {
      client_id: emulator.settings.clients.public.clientId,
      refresh_token: shopper.refresh_token,
    })
    await expectSlasError(missing, 401, bad)
    await tokens(await refresh(emulator, shopper.refresh_token))
  })

  it('refresh token missing, unknown or of another shopper → 400, and nothing is ended', async () => {
    const emulator = createTestEmulator()
    const shopper = await loginRegistered(emulator)
    const other = await loginGuest(emulator)
    await expectSlasError(await logout(emulator, shopper.access_token, ''), 400)
    await expectSlasError(await logout(emulator, shopper.access_token, 'abc.def'), 400)
    await expectSlasError(await logout(emulator, shopper.access_token, other.refresh_token), 400)
    expect((await userinfo(emulator, shopper.access_token)).status).toBe(200)
    await tokens(await refresh(emulator, other.refresh_token))
  })

  it('a hint other than all-sessions → 400', async () => {
    const emulator = createTestEmulator()
    const shopper = await loginRegistered(emulator)
    await expectSlasError(
      await logout(emulator, shopper.access_token, shopper.refresh_token, { hint: 'everything' }),
      400,
    )
    await tokens(await refresh(emulator, shopper.refresh_token))
  })

  it('without a hint only that session ends; hint=all-sessions ends every session of the shopper', async () => {
    const emulator = createTestEmulator({ loginConflictWindowMs: 0 })
    const a = await loginRegistered(emulator)
    const b = await loginRegistered(emulator)
    const c = await loginRegistered(emulator)
    const grace = emulator.settings.shoppers[1]!
    const other = await loginRegistered(emulator, { login: grace.login, password: grace.password })
    await logout(emulator, a.access_token, a.refresh_token)
    const b2 = await tokens(await refresh(emulator, b.refresh_token))
    const all = await logout(emulator, b2.access_token, b2.refresh_token, { hint: 'all-sessions' })
    expect(all.status).toBe(200)
    await expectSlasError(await refresh(emulator, c.refresh_token), 400)
    expect((await userinfo(emulator, c.access_token)).status).toBe(401)
    await tokens(await refresh(emulator, other.refresh_token))
  })
})

describe('revokeToken / introspectToken (private client, Basic)', () => {
  it('revoke a refresh token: it stops working; an unknown token is a 200 no-op', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuestPrivate(emulator)
    const auth = { authorization: privateAuth(emulator) }
    const response = await post(
      emulator,
      '/revoke',
      { token: guest.refresh_token, token_type_hint: 'refresh_token' },
      auth,
    )
    expect(response.status).toBe(200)
    const body = {
      grant_type: 'refresh_token',
      refresh_token: guest.refresh_token,
      channel_id: 'RefArch',
    }
    await expectSlasError(await post(emulator, '/token', body, auth), 400, {
      message: 'invalid refresh_token',
    })
    expect((await post(emulator, '/revoke', { token: 'unknown.token' }, auth)).status).toBe(200)
  })

  it('revoke an access token', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuestPrivate(emulator)
    expect((await userinfo(emulator, guest.access_token)).status).toBe(200)
    await post(
      emulator,
      '/revoke',
      { token: guest.access_token },
      { authorization: privateAuth(emulator) },
    )
    expect((await userinfo(emulator, guest.access_token)).status).toBe(401)
  })

  it('needs the private client’s Basic credentials, and only touches its own tokens', async () => {
    const emulator = createTestEmulator()
    const publicGuest = await loginGuest(emulator)
    await expectSlasError(
      await post(emulator, '/revoke', { token: publicGuest.refresh_token }),
      401,
      {
        error: 'invalid_client',
        error_description: 'Basic Authorization failed.',
      },
    )
    const wrong = { authorization: basic(emulator.settings.clients.private.clientId, 'nope') }
    await expectSlasError(
      await post(emulator, '/introspect', { token: publicGuest.refresh_token }, wrong),
      401,
    )
    await post(
      emulator,
      '/revoke',
      { token: publicGuest.refresh_token },
      { authorization: privateAuth(emulator) },
    )
    await tokens(await refresh(emulator, publicGuest.refresh_token))
  })

  it('missing token → 400; bad token_type_hint → 400', async () => {
    const emulator = createTestEmulator()
    const auth = { authorization: privateAuth(emulator) }
    await expectSlasError(await post(emulator, '/revoke', {}, auth), 400, {
      error_description: 'Bad or missing access token or refresh token',
    })
    await expectSlasError(
      await post(emulator, '/introspect', { token: 'x', token_type_hint: 'id_token' }, auth),
      400,
    )
  })

  it('introspect: active tokens describe themselves; anything else is {"active":false}', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuestPrivate(emulator)
    const auth = { authorization: privateAuth(emulator) }
    const clientId = emulator.settings.clients.private.clientId
    const refreshInfo = await (
      await post(emulator, '/introspect', { token: guest.refresh_token }, auth)
    ).json()
    expect(refreshInfo).toMatchObject({
      active: true,
      client_id: clientId,
      token_type: 'refresh_token',
      usid: guest.usid,
    })
    const accessInfo = await (
      await post(emulator, '/introspect', { token: guest.access_token }, auth)
    ).json()
    expect(accessInfo).toMatchObject({
      active: true,
      client_id: clientId,
      token_type: 'access_token',
    })
    expect(
      await (await post(emulator, '/introspect', { token: 'nope.nope' }, auth)).json(),
    ).toEqual({ active: false })
    await post(emulator, '/revoke', { token: guest.refresh_token }, auth)
    expect(
      await (await post(emulator, '/introspect', { token: guest.refresh_token }, auth)).json(),
    ).toEqual({
      active: false,
    })
  })
})

describe('getUserInfo (GET /oauth2/userinfo)', () => {
  it('registered and guest claims', async () => {
    const emulator = createTestEmulator()
    const ada = emulator.settings.shoppers[0]!
    const registered = await loginRegistered(emulator)
    expect(await (await userinfo(emulator, registered.access_token)).json()).toMatchObject({
      customer_id: ada.customerId,
      email: ada.email,
      given_name: 'Ada',
      family_name: 'Lovelace',
      name: 'Ada Lovelace',
      sub: registered.usid,
    })
    const guest = await loginGuest(emulator)
    expect(await (await userinfo(emulator, guest.access_token)).json()).toMatchObject({
      customer_id: guest.customer_id,
    })
  })

  it('no or bad bearer → 401; unknown channel_id → 400', async () => {
    const emulator = createTestEmulator()
    await expectSlasError(await get(emulator, '/userinfo'), 401, { error: 'invalid_token' })
    const guest = await loginGuest(emulator)
    await expectSlasError(
      await get(
        emulator,
        '/userinfo',
        { channel_id: 'Nope' },
        { authorization: `Bearer ${guest.access_token}` },
      ),
      400,
    )
  })
})
