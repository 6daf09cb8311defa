import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import {
  authorizeGuest,
  basic,
  codeExchange,
  expectSlasError,
  FIXED_CLOCK,
  fromLocation,
  loginGuestPrivate,
  loginRequest,
  pkce,
  post,
  privateAuth,
  tokens,
} from './helpers.ts'

const BAD_CODE = {
  error: 'invalid_grant',
  error_description: 'Invalid authorization code or code_verifier.',
}

describe('getAccessToken: authorization_code_pkce', () => {
  it('answers a TokenResponse with every schema-required field in the right shape', async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    const response = await post(emulator, '/token', codeExchange(emulator, code, verifier, usid))
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await tokens(response)
    expect(Object.keys(body).sort()).toEqual(
      [
        'access_token',
        'customer_id',
        'enc_user_id',
        'expires_in',
        'id_token',
        'idp_access_token',
        'refresh_token',
        'refresh_token_expires_in',
        'token_type',
        'usid',
      ].sort(),
    )
    expect(body.access_token.split('.')).toHaveLength(3)
    expect(body.token_type).toBe('Bearer')
    expect(body.expires_in).toBe(1800)
    expect(body.refresh_token_expires_in).toBe(30 * 86400)
    expect(body.usid).toBe(usid)
    expect(body.customer_id).toMatch(/^[A-Za-z0-9]{26}$/)
    expect(body.enc_user_id).toMatch(/^[0-9A-F]{32}$/)
    expect(body.refresh_token).toMatch(/^[\w-]+\.[\w-]+$/)
    expect(body.refresh_token).toHaveLength(87)
    expect(body.idp_access_token).toBe('')
  })

  it('a code is single-use', async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    await tokens(await post(emulator, '/token', codeExchange(emulator, code, verifier, usid)))
    const replay = await post(emulator, '/token', codeExchange(emulator, code, verifier, usid))
    await expectSlasError(replay, 400, BAD_CODE)
  })

  it('a PKCE mismatch fails and does not burn the code', async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    const other = (await pkce()).verifier
    await expectSlasError(
      await post(emulator, '/token', codeExchange(emulator, code, other, usid)),
      400,
      BAD_CODE,
    )
    const noVerifier = codeExchange(emulator, code, verifier, usid, { code_verifier: undefined })
    await expectSlasError(await post(emulator, '/token', noVerifier), 400, BAD_CODE)
    await tokens(await post(emulator, '/token', codeExchange(emulator, code, verifier, usid)))
  })

  it('redirect_uri must equal the one the code was issued for', async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    const body = codeExchange(emulator, code, verifier, usid, {
      redirect_uri: 'http://localhost:3000/callback',
    })
    await expectSlasError(await post(emulator, '/token', body), 400, BAD_CODE)
    await tokens(await post(emulator, '/token', codeExchange(emulator, code, verifier, usid)))
  })

  it('codes expire after 60 s of emulator time (configurable)', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const a = await authorizeGuest(emulator)
    const b = await authorizeGuest(emulator)
    emulator.control.advanceTime(59_999)
    await tokens(await post(emulator, '/token', codeExchange(emulator, a.code, a.verifier, a.usid)))
    emulator.control.advanceTime(1)
    await expectSlasError(
      await post(emulator, '/token', codeExchange(emulator, b.code, b.verifier, b.usid)),
      400,
      BAD_CODE,
    )
    const short = createTestEmulator({ ...FIXED_CLOCK, codeTtlSeconds: 5 })
    const c = await authorizeGuest(short)
    short.control.advanceTime(5000)
    await expectSlasError(
      await post(short, '/token', codeExchange(short, c.code, c.verifier, c.usid)),
      400,
      BAD_CODE,
    )
  })

  it('a code belongs to its client', async () => {
    const emulator = createTestEmulator({ clients: { extra: [{ clientId: 'second-public' }] } })
    const { code, usid, verifier } = await authorizeGuest(emulator)
    const body = codeExchange(emulator, code, verifier, usid, { client_id: 'second-public' })
    await expectSlasError(await post(emulator, '/token', body), 400, BAD_CODE)
  })

  it('a usid different from the code’s is refused', async () => {
    const emulator = createTestEmulator()
    const { code, verifier } = await authorizeGuest(emulator)
    await expectSlasError(
      await post(emulator, '/token', codeExchange(emulator, code, verifier, 'other-usid')),
      400,
    )
  })

  it('channel_id is required and must be a configured site', async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    const missing = codeExchange(emulator, code, verifier, usid, { channel_id: undefined })
    await expectSlasError(await post(emulator, '/token', missing), 400, {
      error_description: 'Bad or missing channel_id.',
    })
    const wrong = codeExchange(emulator, code, verifier, usid, { channel_id: 'SiteGenesis' })
    await expectSlasError(await post(emulator, '/token', wrong), 400, {
      error_description: 'Bad or missing channel_id.',
    })
    await tokens(await post(emulator, '/token', codeExchange(emulator, code, verifier, usid)))
  })
})

describe('getAccessToken: private clients', () => {
  it('authorization_code with Basic: a private client redeems a code without PKCE', async () => {
    const emulator = createTestEmulator()
    const { clientId } = emulator.settings.clients.private
    const { response } = await loginRequest(emulator, { clientId, challenge: '' })
    const { code, usid } = fromLocation(response)
    const body = {
      grant_type: 'authorization_code',
      code,
      client_id: clientId,
      channel_id: 'RefArch',
      redirect_uri: emulator.settings.redirectURI,
      usid,
    }
    await expectSlasError(await post(emulator, '/token', body), 401, { error: 'invalid_client' })
    const token = await tokens(
      await post(emulator, '/token', body, { authorization: privateAuth(emulator) }),
    )
    expect(token.customer_id).toBe(emulator.settings.shoppers[0]!.customerId)
  })

  it('authorization_code is refused for a public client', async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    const body = codeExchange(emulator, code, verifier, usid, { grant_type: 'authorization_code' })
    await expectSlasError(await post(emulator, '/token', body), 401, { error: 'invalid_client' })
  })

  it('a wrong client secret → 401 Basic Authorization failed', async () => {
    const emulator = createTestEmulator()
    const { clientId } = emulator.settings.clients.private
    const response = await post(
      emulator,
      '/token',
      { grant_type: 'client_credentials', channel_id: 'RefArch' },
      { authorization: basic(clientId, 'wrong-secret') },
    )
    await expectSlasError(response, 401, {
      error: 'invalid_client',
      error_description: 'Basic Authorization failed.',
    })
  })

  it('a private client without Basic auth is refused', async () => {
    const emulator = createTestEmulator()
    const response = await post(emulator, '/token', {
      grant_type: 'client_credentials',
      client_id: emulator.settings.clients.private.clientId,
      channel_id: 'RefArch',
    })
    await expectSlasError(response, 401)
  })

  it('client_credentials: a guest token, keeping a usid that is passed in', async () => {
    const emulator = createTestEmulator()
    const token = await loginGuestPrivate(emulator, { usid: 'kept-usid-123' })
    expect(token.usid).toBe('kept-usid-123')
    expect(token.refresh_token_expires_in).toBe(30 * 86400)
    const fresh = await loginGuestPrivate(emulator)
    expect(fresh.usid).not.toBe(token.usid)
  })

  it('client_credentials is refused for a public client', async () => {
    const emulator = createTestEmulator()
    const response = await post(emulator, '/token', {
      grant_type: 'client_credentials',
      client_id: emulator.settings.clients.public.clientId,
      channel_id: 'RefArch',
    })
    await expectSlasError(response, 401)
  })
})

describe('getAccessToken: other grants', () => {
  it.each(['session_bridge', 'password', 'urn:ietf:params:oauth:grant-type:device_code'])(
    'grant_type=%s → 400',
    async (grant) => {
      const emulator = createTestEmulator()
      await expectSlasError(await post(emulator, '/token', { grant_type: grant }), 400, {
        error: 'unsupported_grant_type',
      })
    },
  )

  it('no grant_type → 400 Bad or missing request parameters', async () => {
    const emulator = createTestEmulator()
    await expectSlasError(await post(emulator, '/token', {}), 400, {
      error_description: 'Bad or missing request parameters.',
    })
  })
})
