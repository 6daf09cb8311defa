import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'
import { createTestEmulator } from '../support/emulator.ts'
import {
  basic,
  claims,
  expectSlasError,
  get,
  loginGuest,
  loginRegistered,
  post,
  privateAuth,
  tokens,
} from './helpers.ts'

function tsob(
  emulator: Emulator,
  loginId: string,
  extra: Record<string, string | undefined> = {},
  auth?: string,
) {
  return post(
    emulator,
    '/trusted-system/token',
    {
      grant_type: 'client_credentials',
      hint: 'ts_ext_on_behalf_of',
      login_id: loginId,
      idp_origin: 'ecom',
      client_id: emulator.settings.clients.private.clientId,
      channel_id: 'RefArch',
      ...extra,
    },
    { authorization: auth ?? privateAuth(emulator) },
  )
}

const NOT_ALLOWED = { error: 'invalid_client', error_description: 'Authorization failed.' }

describe('getTrustedSystemAccessToken (POST /oauth2/trusted-system/token)', () => {
  it('registered shopper: token with the tsob pair; refresh does not rotate', async () => {
    const emulator = createTestEmulator()
    const ada = emulator.settings.shoppers[0]!
    const token = await tokens(await tsob(emulator, ada.login))
    expect(token.customer_id).toBe(ada.customerId)
    const isb = String(claims(token.access_token).isb)
    expect(isb).toMatch(
      new RegExp(
        `^uido:ecom::upn:${ada.login}::uidn:Ada Lovelace::gcid:\\w{26}` +
          `::rcid:${ada.customerId}::chid:RefArch::tsob:ts_ext_on_behalf_of$`,
      ),
    )
    const again = await tokens(
      await post(
        emulator,
        '/token',
        { grant_type: 'refresh_token', refresh_token: token.refresh_token, channel_id: 'RefArch' },
        { authorization: privateAuth(emulator) },
      ),
    )
    expect(again.refresh_token).toBe(token.refresh_token)
    expect(String(claims(again.access_token).isb)).toContain('::tsob:')
  })

  it('login_id "guest" gives a guest token; a usid is kept', async () => {
    const emulator = createTestEmulator()
    const guest = await tokens(await tsob(emulator, 'guest', { usid: 'tsob-usid-1' }))
    expect(guest.usid).toBe('tsob-usid-1')
    expect(String(claims(guest.access_token).isb)).toMatch(
      /^uido:slas::upn:Guest::uidn:Guest User::gcid:\w{26}::chid:RefArch::tsob:/,
    )
  })

  it('public client ids are rejected', async () => {
    const emulator = createTestEmulator()
    const response = await tsob(
      emulator,
      'guest',
      { client_id: emulator.settings.clients.public.clientId },
      'Basic x',
    )
    await expectSlasError(response, 401, NOT_ALLOWED)
  })

  it('a private client without the sfcc.ts_ext_on_behalf_of scope is rejected', async () => {
    const emulator = createTestEmulator({
      clients: { extra: [{ clientId: 'plain-private', secret: 'plain-secret-1' }] },
    })
    const response = await tsob(
      emulator,
      'guest',
      { client_id: 'plain-private' },
      basic('plain-private', 'plain-secret-1'),
    )
    await expectSlasError(response, 401, NOT_ALLOWED)
  })

  it('wrong secret → 401 Basic Authorization failed; unknown login → 404; bad parameters → 400', async () => {
    const emulator = createTestEmulator()
    const wrong = basic(emulator.settings.clients.private.clientId, 'nope')
    await expectSlasError(await tsob(emulator, 'guest', {}, wrong), 401, {
      error_description: 'Basic Authorization failed.',
    })
    await expectSlasError(await tsob(emulator, 'nobody@example.com'), 404, { error: 'not_found' })
    await expectSlasError(await tsob(emulator, 'guest', { hint: 'other' }), 400)
    await expectSlasError(await tsob(emulator, 'guest', { idp_origin: 'myspace' }), 400)
    await expectSlasError(await tsob(emulator, 'guest', { login_id: 'x'.repeat(129) }), 400)
    await expectSlasError(await tsob(emulator, 'guest', { grant_type: 'refresh_token' }), 400)
  })

  it('concurrent calls for the same login → 409', async () => {
    const emulator = createTestEmulator()
    const ada = emulator.settings.shoppers[0]!
    const [a, b] = await Promise.all([tsob(emulator, ada.login), tsob(emulator, ada.login)])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const conflict = a.status === 409 ? a : b
    await expectSlasError(conflict, 409, {
      error: 'conflict',
      error_description: 'Conflicting calls for the same login.',
    })
    // Sequential calls are fine.
    expect((await tsob(emulator, ada.login)).status).toBe(200)
  })

  it('trusted-system sessions are a separate session type for logout all-sessions', async () => {
    const emulator = createTestEmulator()
    const ada = emulator.settings.shoppers[0]!
    const viaTsob = await tokens(await tsob(emulator, ada.login))
    const guest = await loginGuest(emulator)
    const viaLogin = await loginRegistered(emulator, { usid: guest.usid })
    const out = await get(
      emulator,
      '/logout',
      {
        client_id: emulator.settings.clients.public.clientId,
        refresh_token: viaLogin.refresh_token,
        hint: 'all-sessions',
      },
      { authorization: `Bearer ${viaLogin.access_token}` },
    )
    expect(out.status).toBe(200)
    const body = {
      grant_type: 'refresh_token',
      refresh_token: viaTsob.refresh_token,
      channel_id: 'RefArch',
    }
    expect(
      (await post(emulator, '/token', body, { authorization: privateAuth(emulator) })).status,
    ).toBe(200)
  })
})
