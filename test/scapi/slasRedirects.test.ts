/**
 * The redirect operations (`/authorize`, `/login`) and the flows composed from them, with a fetch
 * that answers 303s without following them (manual) or hands back the followed URL (browser).
 */
import { describe, expect, it } from 'vitest'
import {
  authenticateCustomer,
  authorizeCustomer,
  generateCodeChallenge,
  loginGuestUser,
  loginRegisteredUser,
  refreshAccessToken,
} from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import { registerSecret } from '../support/secrets.ts'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  decodeBasic,
  followed,
  json,
  privateConfig,
  publicConfig,
  REDIRECT_URI,
  type Recorded,
  recordingFetch,
  SITE_ID,
  SLAS_PREFIX,
  seeOther,
  tokenBody,
} from './fakeFetch.ts'

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const PASSWORD = 'pässwörd:€-Secret-91'

registerSecret(CLIENT_SECRET)
registerSecret(PASSWORD)

/** Echoes the request's state on a 303 to the redirect URI. */
function redirectWith(extra: string) {
  return (request: Recorded) => {
    const state = request.url.searchParams.get('state') ?? request.form.get('state')
    const echo = state === null ? '' : `&state=${encodeURIComponent(state)}`
    return seeOther(`${REDIRECT_URI}?${extra}${echo}`)
  }
}

describe('authorizeCustomer', () => {
  it('reads code, usid and state from the Location of a 303 (manual)', async () => {
    const { fetch, calls } = recordingFetch(redirectWith('code=c1&usid=u1'))
    const result = await authorizeCustomer(publicConfig(fetch), {
      hint: 'guest',
      codeChallenge: CHALLENGE,
      state: 's1',
      usid: 'u0',
    })
    expect(result).toEqual({ code: 'c1', usid: 'u1', state: 's1' })
    const call = calls[0]
    expect(call?.method).toBe('GET')
    expect(call?.redirect).toBe('manual')
    expect(`${call?.url.origin}${call?.url.pathname}`).toBe(`${SLAS_PREFIX}authorize`)
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      client_id: CLIENT_ID,
      channel_id: SITE_ID,
      hint: 'guest',
      code_challenge: CHALLENGE,
      state: 's1',
      usid: 'u0',
    })
  })

  it('reads the final URL when the fetch followed the redirect (browser)', async () => {
    const { fetch, calls } = recordingFetch(() => followed(`${REDIRECT_URI}?code=c2&usid=u2`))
    const config = publicConfig(fetch, { redirect: 'follow' })
    const result = await authorizeCustomer(config, { hint: 'guest', codeChallenge: CHALLENGE })
    expect(result).toEqual({ code: 'c2', usid: 'u2', state: undefined })
    expect(calls[0]?.redirect).toBe('follow')
  })

  it('also reads a 303 in follow mode (an in-process handler never follows)', async () => {
    const { fetch } = recordingFetch(redirectWith('code=c3'))
    const config = publicConfig(fetch, { redirect: 'follow' })
    const result = await authorizeCustomer(config, { codeChallenge: CHALLENGE })
    expect(result.code).toBe('c3')
    expect(result.usid).toBeUndefined()
  })

  it('resolves a relative Location against the request', async () => {
    const { fetch } = recordingFetch(() => seeOther('/callback?code=c4&usid=u4'))
    await expect(
      authorizeCustomer(publicConfig(fetch), { codeChallenge: CHALLENGE }),
    ).resolves.toMatchObject({ code: 'c4', usid: 'u4' })
  })

  it.each([
    ['a state mismatch', () => seeOther(`${REDIRECT_URI}?code=c&state=other`), 'invalid_response'],
    ['a missing state', () => seeOther(`${REDIRECT_URI}?code=c`), 'invalid_response'],
    ['a 303 without Location', () => new Response(null, { status: 303 }), 'invalid_response'],
    [
      'a redirect without code',
      () => seeOther(`${REDIRECT_URI}?usid=u&state=s`),
      'invalid_response',
    ],
    ['a 200 without redirect', () => json(200, { authorizationCode: 'x' }), 'invalid_response'],
    ['a status 0 (opaque redirect)', () => Response.error(), 'invalid_response'],
    [
      'an error parameter',
      () =>
        seeOther(
          `${REDIRECT_URI}?error=invalid_request&error_description=Bad+or+missing+client_id.`,
        ),
      'invalid_client',
    ],
    [
      'a 400 body',
      () =>
        json(400, { error: 'invalid_request', error_description: 'Redirect URI not registered.' }),
      'bad_request',
    ],
    ['a 500', () => new Response('oops', { status: 500 }), 'server_error'],
  ] as const)('fails on %s', async (_name, answer, code) => {
    const { fetch } = recordingFetch(answer)
    await expectCode(
      authorizeCustomer(publicConfig(fetch), { codeChallenge: CHALLENGE, state: 's' }),
      code,
    )
  })

  it('needs a challenge for public clients; sends x-slas-client-auth when strict', async () => {
    const { fetch, calls } = recordingFetch(redirectWith('code=c'))
    await expectCode(authorizeCustomer(publicConfig(fetch), { hint: 'guest' }), 'invalid_config')
    expect(calls).toHaveLength(0)
    await authorizeCustomer(privateConfig(fetch, { strictClientAuth: true }), { hint: 'guest' })
    expect(decodeBasic(`Basic ${calls[0]?.headers.get('x-slas-client-auth')}`)).toBe(
      `${CLIENT_ID}:${CLIENT_SECRET}`,
    )
    expect(calls[0]?.headers.has('authorization')).toBe(false)
  })
})

describe('authenticateCustomer', () => {
  it('sends UTF-8 Basic shopper credentials and the login form', async () => {
    const { fetch, calls } = recordingFetch(redirectWith('code=c5&usid=u5'))
    const result = await authenticateCustomer(publicConfig(fetch), {
      username: 'jäne@x.test',
      password: PASSWORD,
      codeChallenge: CHALLENGE,
      state: 's5',
      usid: 'guest-usid',
      customParameters: { c_loyalty: 'gold' },
    })
    expect(result).toEqual({ code: 'c5', usid: 'u5', state: 's5' })
    const call = calls[0]
    expect(call?.method).toBe('POST')
    expect(call?.url.href).toBe(`${SLAS_PREFIX}login`)
    expect(decodeBasic(call?.headers.get('authorization') ?? null)).toBe(`jäne@x.test:${PASSWORD}`)
    expect(Object.fromEntries(call?.form ?? [])).toEqual({
      c_loyalty: 'gold',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code_challenge: CHALLENGE,
      channel_id: SITE_ID,
      usid: 'guest-usid',
      state: 's5',
    })
  })

  it('maps a wrong password to invalid_credentials without repeating the password', async () => {
    const { fetch } = recordingFetch(() =>
      json(401, { error: 'invalid_client', error_description: 'Basic Authorization failed.' }),
    )
    const error = await expectCode(
      authenticateCustomer(publicConfig(fetch), {
        username: 'jane',
        password: PASSWORD,
        codeChallenge: CHALLENGE,
      }),
      'invalid_credentials',
    )
    expect(error.message).toBe('authenticateCustomer failed: 401 Basic Authorization failed.')
  })

  it.each([
    [{ username: 'a:b' }, 'username: must not contain ":"'],
    [{ password: '' }, 'password: must not be empty'],
    [{ customParameters: { loyalty: 'x' } }, 'must start with c_'],
  ])('refuses %j before any request', async (patch, reason) => {
    const { fetch, calls } = recordingFetch(redirectWith('code=c'))
    const params = { username: 'jane', password: PASSWORD, codeChallenge: CHALLENGE, ...patch }
    const error = await expectCode(
      authenticateCustomer(
        publicConfig(fetch),
        params as Parameters<typeof authenticateCustomer>[1],
      ),
      'invalid_config',
    )
    expect(error.message).toContain(reason)
    expect(calls).toHaveLength(0)
  })
})

describe('flows', () => {
  it('logs a guest in (public): authorize hint=guest, then PKCE grant, redirect usid', async () => {
    const { fetch, calls } = recordingFetch((request) =>
      request.url.pathname.endsWith('/authorize')
        ? redirectWith('code=gc&usid=new-usid')(request)
        : json(200, tokenBody()),
    )
    const tokens = await loginGuestUser(publicConfig(fetch), { usid: 'old-usid', dnt: true })
    expect(tokens.access_token).toBeTruthy()
    const [authorize, token] = calls
    expect(authorize?.url.searchParams.get('hint')).toBe('guest')
    expect(authorize?.url.searchParams.get('usid')).toBe('old-usid')
    expect(authorize?.url.searchParams.get('state')).toMatch(/^[\w-]{43}$/)
    const verifier = token?.form.get('code_verifier') ?? ''
    expect(await generateCodeChallenge(verifier)).toBe(
      authorize?.url.searchParams.get('code_challenge'),
    )
    expect(token?.form.get('grant_type')).toBe('authorization_code_pkce')
    expect(token?.form.get('code')).toBe('gc')
    expect(token?.form.get('usid')).toBe('new-usid')
    expect(token?.form.get('dnt')).toBe('true')
  })

  it('logs a guest in (private) with one client_credentials call', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    await loginGuestUser(privateConfig(fetch), { usid: 'u' })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.form.get('grant_type')).toBe('client_credentials')
    expect(calls[0]?.form.get('usid')).toBe('u')
  })

  it('logs a registered shopper in: login, then PKCE grant keeping the usid', async () => {
    const { fetch, calls } = recordingFetch((request) =>
      request.url.pathname.endsWith('/login')
        ? redirectWith('code=rc&usid=guest-usid')(request)
        : json(200, tokenBody()),
    )
    await loginRegisteredUser(publicConfig(fetch), {
      username: 'jane',
      password: PASSWORD,
      usid: 'guest-usid',
    })
    const [login, token] = calls
    expect(login?.form.get('usid')).toBe('guest-usid')
    expect(token?.form.get('code')).toBe('rc')
    expect(token?.form.get('usid')).toBe('guest-usid')
    expect(await generateCodeChallenge(token?.form.get('code_verifier') ?? '')).toBe(
      login?.form.get('code_challenge'),
    )
  })

  it('stops when the login redirect state does not match', async () => {
    const { fetch, calls } = recordingFetch(() => seeOther(`${REDIRECT_URI}?code=x&state=forged`))
    await expectCode(
      loginRegisteredUser(publicConfig(fetch), { username: 'jane', password: PASSWORD }),
      'invalid_response',
    )
    expect(calls).toHaveLength(1)
  })

  it('refreshes, and maps a reused refresh token to invalid_grant', async () => {
    const { fetch } = recordingFetch(() =>
      json(400, {
        error: 'invalid_request',
        error_description: 'Bad or missing refresh token.',
        status_code: '400 BAD_REQUEST',
        message: 'invalid refresh_token',
      }),
    )
    const error = await expectCode(
      refreshAccessToken(publicConfig(fetch), { refreshToken: 'used' }),
      'invalid_grant',
    )
    expect(error.message).toBe('getAccessToken failed: 400 invalid refresh_token')
  })
})
