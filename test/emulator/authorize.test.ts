import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import { authorizeGuest, basic, expectSlasError, get, pkce } from './helpers.ts'

const BAD_CLIENT = { error: 'invalid_request', error_description: 'Bad or missing client_id.' }
const BAD_REDIRECT = {
  error: 'invalid_request',
  error_description: 'Redirect URI not registered for this client.',
}

async function authorize(
  emulator = createTestEmulator(),
  query: Record<string, string | undefined> = {},
  headers = {},
) {
  const { challenge } = await pkce()
  return get(
    emulator,
    '/authorize',
    {
      client_id: emulator.settings.clients.public.clientId,
      channel_id: 'RefArch',
      code_challenge: challenge,
      hint: 'guest',
      redirect_uri: emulator.settings.redirectURI,
      response_type: 'code',
      ...query,
    },
    headers,
  )
}

describe('authorizeCustomer (GET /oauth2/authorize)', () => {
  it('hint=guest + public client: 303 to redirect_uri with code, usid and state', async () => {
    const emulator = createTestEmulator()
    const { code, usid, state, url } = await authorizeGuest(emulator, {
      state: 'opaque state/with?chars',
    })
    expect(`${url.origin}${url.pathname}`).toBe(emulator.settings.redirectURI)
    expect(code).toMatch(/^[\w-]{43}$/)
    expect(usid).toMatch(/^[0-9a-f-]{36}$/)
    expect(state).toBe('opaque state/with?chars')
    expect(emulator.control.requests('authorizeCustomer')).toEqual([
      expect.objectContaining({ operation: 'authorizeCustomer', method: 'GET', status: 303 }),
    ])
  })

  it('keeps a usid that is passed in', async () => {
    const { usid } = await authorizeGuest(createTestEmulator(), { usid: 'my-usid-1' })
    expect(usid).toBe('my-usid-1')
  })

  it.each([
    ['missing', undefined],
    ['unknown', 'nobody'],
    ['longer than 40 characters', 'x'.repeat(41)],
  ])('client_id %s → 400 Bad or missing client_id', async (_, clientId) => {
    await expectSlasError(
      await authorize(undefined, { client_id: clientId ?? '' }),
      400,
      BAD_CLIENT,
    )
  })

  it.each([
    ['http://localhost:5173/callback', 303],
    ['http://127.0.0.1:1/callback', 303],
    ['http://[::1]:8080/callback', 303],
    ['http://emulator.local/callback', 303],
    ['http://localhost/callback', 400],
    ['http://localhost:5173/other', 400],
    ['http://evil.example:5173/callback', 400],
    ['http://localhost:5173/callback?x=1', 400],
    ['https://localhost:5173/callback', 400],
  ])('redirect_uri %s → %i (wildcard port)', async (redirectURI, status) => {
    const response = await authorize(undefined, { redirect_uri: redirectURI })
    if (status === 303) expect(response.status).toBe(303)
    else await expectSlasError(response, 400, BAD_REDIRECT)
  })

  it('host-label wildcards and per-client redirect URIs', async () => {
    const emulator = createTestEmulator({
      clients: { public: { redirectURIs: ['https://*.shop.example/cb'] } },
    })
    expect(
      (await authorize(emulator, { redirect_uri: 'https://www.shop.example/cb' })).status,
    ).toBe(303)
    await expectSlasError(
      await authorize(emulator, { redirect_uri: 'https://a.b.shop.example/cb' }),
      400,
      BAD_REDIRECT,
    )
    await expectSlasError(
      await authorize(emulator, { redirect_uri: 'http://localhost:3000/callback' }),
      400,
      BAD_REDIRECT,
    )
  })

  it('a public client must send code_challenge', async () => {
    await expectSlasError(await authorize(undefined, { code_challenge: undefined }), 400, {
      error: 'invalid_request',
    })
  })

  it('a private client may skip PKCE', async () => {
    const emulator = createTestEmulator()
    const response = await authorize(emulator, {
      client_id: emulator.settings.clients.private.clientId,
      code_challenge: undefined,
    })
    expect(response.status).toBe(303)
  })

  it.each([
    ['response_type other than code', { response_type: 'token' }],
    ['no hint (no IDP UI in the emulator)', { hint: undefined }],
    ['another hint', { hint: 'sb-guest' }],
    ['unknown channel_id', { channel_id: 'NoSuchSite' }],
    ['code_challenge too short', { code_challenge: 'a'.repeat(42) }],
    ['state longer than 512', { state: 's'.repeat(513) }],
    ['usid longer than 256', { usid: 'u'.repeat(257) }],
  ])('%s → 400', async (_, query) => {
    await expectSlasError(await authorize(undefined, query), 400)
  })

  it('strict client auth: x-slas-client-auth is required and checked', async () => {
    const emulator = createTestEmulator({ clients: { private: { strictClientAuth: true } } })
    const { clientId, secret } = emulator.settings.clients.private
    const query = { client_id: clientId, code_challenge: undefined }
    const failed = { error: 'invalid_client', error_description: 'Authorization failed.' }
    await expectSlasError(await authorize(emulator, query), 401, failed)
    const wrong = Buffer.from(`${clientId}:nope`).toString('base64')
    await expectSlasError(
      await authorize(emulator, query, { 'x-slas-client-auth': wrong }),
      401,
      failed,
    )
    const right = basic(clientId, secret ?? '').slice('Basic '.length)
    expect((await authorize(emulator, query, { 'x-slas-client-auth': right })).status).toBe(303)
  })

  it('without strict client auth the header is optional, but a wrong one is refused', async () => {
    const emulator = createTestEmulator()
    const query = {
      client_id: emulator.settings.clients.private.clientId,
      code_challenge: undefined,
    }
    expect((await authorize(emulator, query)).status).toBe(303)
    const wrong = Buffer.from('someone:else').toString('base64')
    await expectSlasError(await authorize(emulator, query, { 'x-slas-client-auth': wrong }), 401)
  })

  it('the callback page is served, and a following fetch lands on it', async () => {
    const emulator = createTestEmulator()
    const page = await emulator.fetch('/callback?code=x')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const { challenge } = await pkce()
    const query = new URLSearchParams({
      client_id: emulator.settings.clients.public.clientId,
      code_challenge: challenge,
      hint: 'guest',
      redirect_uri: 'http://localhost:5173/callback',
      response_type: 'code',
    })
    const followed = await emulator.fetch(
      `/shopper/auth/v1/organizations/${emulator.settings.organizationId}/oauth2/authorize?${query}`,
    )
    expect(followed.status).toBe(200)
    expect(followed.redirected).toBe(true)
    expect(new URL(followed.url).searchParams.get('code')).toMatch(/^[\w-]{43}$/)
    const html = await followed.text()
    expect(html).not.toContain(new URL(followed.url).searchParams.get('code'))
  })
})
