/**
 * What getAccessToken puts on the wire for each grant and how it checks the answer, against a
 * recording in-process fetch.
 */
import { describe, expect, it, vi } from 'vitest'
import { getAccessToken } from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import { registerSecret } from '../support/secrets.ts'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  decodeBasic,
  json,
  ORGANIZATION_ID,
  privateConfig,
  publicConfig,
  REDIRECT_URI,
  recordingFetch,
  SITE_ID,
  SLAS_PREFIX,
  tokenBody,
} from './fakeFetch.ts'

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'

registerSecret(CLIENT_SECRET)

describe('getAccessToken', () => {
  it('redeems a PKCE code (public): no Authorization, client_id and channel_id', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    const tokens = await getAccessToken(publicConfig(fetch), {
      grantType: 'authorization_code_pkce',
      code: 'code-1',
      codeVerifier: VERIFIER,
      usid: 'usid-1',
      dnt: true,
    })
    expect(tokens.token_type).toBe('Bearer')
    const [call] = calls
    expect(call?.url.href).toBe(`${SLAS_PREFIX}token`)
    expect(call?.method).toBe('POST')
    expect(call?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(call?.headers.has('authorization')).toBe(false)
    expect(Object.fromEntries(call?.form ?? [])).toEqual({
      grant_type: 'authorization_code_pkce',
      channel_id: SITE_ID,
      dnt: 'true',
      code: 'code-1',
      code_verifier: VERIFIER,
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      usid: 'usid-1',
    })
  })

  it('refreshes with Basic client auth when a secret is configured', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    await getAccessToken(privateConfig(fetch), { grantType: 'refresh_token', refreshToken: 'r-1' })
    expect(decodeBasic(calls[0]?.headers.get('authorization') ?? null)).toBe(
      `${CLIENT_ID}:${CLIENT_SECRET}`,
    )
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      channel_id: SITE_ID,
      refresh_token: 'r-1',
      client_id: CLIENT_ID,
    })
  })

  it('sends client_credentials without client_id in the body', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    await getAccessToken(privateConfig(fetch), { grantType: 'client_credentials', dnt: false })
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      channel_id: SITE_ID,
      dnt: 'false',
    })
  })

  it('sends authorization_code (private) without a verifier', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    await getAccessToken(privateConfig(fetch), { grantType: 'authorization_code', code: 'c' })
    expect(calls[0]?.form.get('grant_type')).toBe('authorization_code')
    expect(calls[0]?.form.has('code_verifier')).toBe(false)
  })

  it.each(['client_credentials', 'authorization_code'] as const)(
    'refuses the private grant %s without a secret, before any request',
    async (grantType) => {
      const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
      const params =
        grantType === 'client_credentials'
          ? ({ grantType } as const)
          : ({ grantType, code: 'c' } as const)
      const error = await expectCode(getAccessToken(publicConfig(fetch), params), 'invalid_config')
      expect(error.message).toContain('clientSecret')
      expect(calls).toHaveLength(0)
    },
  )

  it('names a bad parameter', async () => {
    const { fetch } = recordingFetch(() => json(200, tokenBody()))
    const error = await expectCode(
      getAccessToken(publicConfig(fetch), {
        grantType: 'authorization_code_pkce',
        code: 'c',
        codeVerifier: 'short',
      }),
      'invalid_config',
    )
    expect(error.message).toBe('getAccessToken: codeVerifier: must be at least 43 characters')
  })

  it('names the first bad field of a malformed token response, without its value', async () => {
    const { fetch } = recordingFetch(() => json(200, tokenBody({ expires_in: -5 })))
    const error = await expectCode(
      getAccessToken(publicConfig(fetch), { grantType: 'refresh_token', refreshToken: 'r' }),
      'invalid_response',
    )
    expect(error.message).toBe(
      'getAccessToken returned an unexpected body: expires_in: must be a positive number of seconds',
    )
  })

  it.each([
    [{ refresh_token: undefined }, 'refresh_token: is required'],
    [{ access_token: 42 }, 'access_token: must be a string'],
    [{ token_type: 'MAC' }, 'token_type: must be "Bearer"'],
    [{ usid: '' }, 'usid: must not be empty'],
  ])('rejects %j', async (patch, reason) => {
    const { fetch } = recordingFetch(() => json(200, tokenBody(patch)))
    const error = await expectCode(
      getAccessToken(publicConfig(fetch), { grantType: 'refresh_token', refreshToken: 'r' }),
      'invalid_response',
    )
    expect(error.message).toContain(reason)
  })

  it('accepts a lower-case bearer and unknown fields', async () => {
    const { fetch } = recordingFetch(() => json(200, tokenBody({ token_type: 'bearer', extra: 1 })))
    const tokens = await getAccessToken(publicConfig(fetch), {
      grantType: 'refresh_token',
      refreshToken: 'r',
    })
    // Kept at runtime; the type declares only the spec's fields, so it is read as a property.
    expect(tokens).toHaveProperty('extra', 1)
  })

  it('reports a body that is not JSON without quoting it', async () => {
    const secret = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0cnVuY2F0ZWQifQ.c2ln'
    const undo = registerSecret(secret)
    const { fetch } = recordingFetch(() => new Response(`{"access_token":"${secret}`))
    const error = await expectCode(
      getAccessToken(publicConfig(fetch), { grantType: 'refresh_token', refreshToken: 'r' }),
      'invalid_response',
    )
    expect(error.message).toBe('getAccessToken returned a body that is not JSON (status 200)')
    undo()
  })

  it('maps a thrown fetch to network and a pre-aborted signal to aborted', async () => {
    const failing = recordingFetch(() => {
      throw new TypeError('fetch failed')
    })
    await expectCode(
      getAccessToken(publicConfig(failing.fetch), {
        grantType: 'refresh_token',
        refreshToken: 'r',
      }),
      'network',
    )
    const controller = new AbortController()
    controller.abort()
    const idle = recordingFetch(() => json(200, tokenBody()))
    await expectCode(
      getAccessToken(
        publicConfig(idle.fetch),
        { grantType: 'refresh_token', refreshToken: 'r' },
        { signal: controller.signal },
      ),
      'aborted',
    )
    expect(idle.calls).toHaveLength(0)
  })

  it('passes the caller signal, the redirect mode and the config headers', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    const controller = new AbortController()
    const config = publicConfig(fetch, { headers: { 'x-app': 'demo', 'content-type': 'text/x' } })
    await getAccessToken(
      config,
      { grantType: 'refresh_token', refreshToken: 'r' },
      { signal: controller.signal },
    )
    // The caller's signal reaches fetch inside the request deadline's: aborting it aborts the call.
    expect(calls[0]?.signal?.aborted).toBe(false)
    controller.abort()
    expect(calls[0]?.signal?.aborted).toBe(true)
    expect(calls[0]?.redirect).toBe('manual')
    expect(calls[0]?.headers.get('x-app')).toBe('demo')
    expect(calls[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
  })

  it('uses the global fetch, read at call time, when none is configured', async () => {
    const spy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json(200, tokenBody()))
    const config = { ...publicConfig(globalThis.fetch), fetch: undefined, shortCode: 'abc123' }
    await getAccessToken(
      { ...config, baseUrl: undefined },
      {
        grantType: 'refresh_token',
        refreshToken: 'r',
      },
    )
    expect(String(spy.mock.calls[0]?.[0])).toBe(
      'https://abc123.api.commercecloud.salesforce.com/shopper/auth/v1/organizations/' +
        `${ORGANIZATION_ID}/oauth2/token`,
    )
  })
})
