/**
 * What the session, discovery and trusted-system operations put on the wire and how they read the
 * answer, against a recording in-process fetch.
 */
import { describe, expect, it } from 'vitest'
import {
  getJwksUri,
  getTrustedSystemAccessToken,
  getUserInfo,
  getWellknownOpenidConfiguration,
  introspectToken,
  logoutCustomer,
  revokeToken,
} from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import { registerSecret } from '../support/secrets.ts'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  decodeBasic,
  json,
  privateConfig,
  publicConfig,
  recordingFetch,
  SITE_ID,
  SLAS_PREFIX,
  tokenBody,
} from './fakeFetch.ts'

registerSecret(CLIENT_SECRET)

describe('logoutCustomer', () => {
  it('sends the access token as Bearer and the refresh token in the query', async () => {
    const { fetch, calls } = recordingFetch(() => new Response(null, { status: 200 }))
    await logoutCustomer(publicConfig(fetch), {
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      allSessions: true,
    })
    const call = calls[0]
    expect(call?.method).toBe('GET')
    expect(call?.headers.get('authorization')).toBe('Bearer at-1')
    expect(call?.url.pathname.endsWith('/oauth2/logout')).toBe(true)
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({
      refresh_token: 'rt-1',
      client_id: CLIENT_ID,
      channel_id: SITE_ID,
      hint: 'all-sessions',
    })
  })

  it('reads the emptied token response', async () => {
    const emptied = { access_token: '', refresh_token: '', expires_in: 0, usid: 'null' }
    const { fetch } = recordingFetch(() => json(200, emptied))
    await expect(
      logoutCustomer(publicConfig(fetch), { accessToken: 'a', refreshToken: 'r' }),
    ).resolves.toEqual(emptied)
  })

  it('maps a 303 to rate_limited', async () => {
    const { fetch } = recordingFetch(() => new Response(null, { status: 303 }))
    await expectCode(
      logoutCustomer(publicConfig(fetch), { accessToken: 'a', refreshToken: 'r' }),
      'rate_limited',
    )
  })

  it('refuses an access token that cannot travel in a header', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, {}))
    await expectCode(
      logoutCustomer(publicConfig(fetch), { accessToken: 'a\nb', refreshToken: 'r' }),
      'invalid_config',
    )
    expect(calls).toHaveLength(0)
  })
})

describe('revokeToken and introspectToken', () => {
  it('revokes with Basic as a private client', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, {}))
    await revokeToken(privateConfig(fetch), { token: 'rt', tokenTypeHint: 'refresh_token' })
    expect(decodeBasic(calls[0]?.headers.get('authorization') ?? null)).toBe(
      `${CLIENT_ID}:${CLIENT_SECRET}`,
    )
    expect(calls[0]?.body).toBe('token=rt&token_type_hint=refresh_token')
  })

  it('accepts an empty revoke answer, and refuses to revoke without a secret', async () => {
    const { fetch, calls } = recordingFetch(() => new Response('', { status: 200 }))
    await expect(revokeToken(privateConfig(fetch), { token: 'rt' })).resolves.toEqual({})
    await expectCode(revokeToken(publicConfig(fetch), { token: 'rt' }), 'invalid_config')
    expect(calls).toHaveLength(1)
  })

  it('refuses to introspect without a secret, before any request', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, { active: false }))
    const error = await expectCode(
      introspectToken(publicConfig(fetch), { token: 't' }),
      'invalid_config',
    )
    expect(error.message).toBe('introspectToken: needs clientSecret (private SLAS clients only)')
    expect(calls).toHaveLength(0)
  })

  it('reads active and inactive introspection answers', async () => {
    const answers = [{ active: true, exp: 1, scope: 'openid', x: 1 }, { active: false }]
    const { fetch, calls } = recordingFetch(() => json(200, answers[calls.length - 1]))
    await expect(introspectToken(privateConfig(fetch), { token: 't' })).resolves.toEqual(answers[0])
    await expect(introspectToken(privateConfig(fetch), { token: 't' })).resolves.toEqual(answers[1])
    const bad = recordingFetch(() => json(200, { active: 'yes' }))
    await expectCode(introspectToken(privateConfig(bad.fetch), { token: 't' }), 'invalid_response')
  })
})

describe('getUserInfo, getJwksUri, getWellknownOpenidConfiguration', () => {
  it('asks for userinfo with Bearer, channel_id and idpValidate', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, { sub: 's', email: 'e@x.test' }))
    const info = await getUserInfo(publicConfig(fetch), { accessToken: 'at', idpValidate: false })
    expect(info.email).toBe('e@x.test')
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer at')
    expect(calls[0]?.url.search).toBe(`?channel_id=${SITE_ID}&idpValidate=false`)
  })

  it('reads the JWKS and the discovery document', async () => {
    const jwks = { keys: [{ kty: 'EC', crv: 'P-256', kid: 'k1', x: 'x', y: 'y', use: 'sig' }] }
    const discovery = { issuer: 'i', jwks_uri: 'j', token_endpoint: 't', extra: true }
    const { fetch, calls } = recordingFetch((request) =>
      json(200, request.url.pathname.endsWith('/jwks') ? jwks : discovery),
    )
    await expect(getJwksUri(publicConfig(fetch))).resolves.toEqual(jwks)
    await expect(getWellknownOpenidConfiguration(publicConfig(fetch), {})).resolves.toEqual(
      discovery,
    )
    expect(calls.map((call) => call.url.href)).toEqual([
      `${SLAS_PREFIX}jwks`,
      `${SLAS_PREFIX}.well-known/openid-configuration`,
    ])
    const bad = recordingFetch(() => json(200, { keys: [{ kid: 'no kty' }] }))
    const error = await expectCode(getJwksUri(publicConfig(bad.fetch)), 'invalid_response')
    expect(error.message).toContain('keys[0].kty: is required')
  })
})

describe('getTrustedSystemAccessToken', () => {
  it('sends the trusted system form with Basic client auth', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    await getTrustedSystemAccessToken(privateConfig(fetch), { loginId: 'jane@x.test', dnt: true })
    expect(calls[0]?.url.href).toBe(`${SLAS_PREFIX}trusted-system/token`)
    expect(decodeBasic(calls[0]?.headers.get('authorization') ?? null)).toBe(
      `${CLIENT_ID}:${CLIENT_SECRET}`,
    )
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      hint: 'ts_ext_on_behalf_of',
      login_id: 'jane@x.test',
      idp_origin: 'ecom',
      client_id: CLIENT_ID,
      channel_id: SITE_ID,
      dnt: 'true',
    })
  })

  it('is for private clients only', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    await expectCode(
      getTrustedSystemAccessToken(publicConfig(fetch), { loginId: 'guest' }),
      'invalid_config',
    )
    expect(calls).toHaveLength(0)
  })
})
