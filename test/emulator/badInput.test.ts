import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'
import { createTestEmulator } from '../support/emulator.ts'
import {
  authorizeGuest,
  basic,
  codeExchange,
  expectSlasError,
  loginGuest,
  post,
  refresh,
  slasUrl,
  tokens,
} from './helpers.ts'

function raw(emulator: Emulator, path: string, init: RequestInit) {
  return emulator.handle(new Request(slasUrl(emulator, path), init))
}

describe('bad input → 4xx in the SLAS shape, never a 500, state unchanged', () => {
  it('malformed token requests do not consume the code', async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    const good = new URLSearchParams(
      codeExchange(emulator, code, verifier, usid) as Record<string, string>,
    )
    const attempts: [string, RequestInit, number][] = [
      [
        'JSON content type',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(Object.fromEntries(good)),
        },
        400,
      ],
      ['no content type', { method: 'POST', body: new Blob([good.toString()]) }, 400],
      [
        'invalid UTF-8',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new Uint8Array([0x63, 0x6f, 0xff, 0xfe]),
        },
        400,
      ],
      [
        'oversized body',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `${good}&pad=${'x'.repeat(70_000)}`,
        },
        413,
      ],
      [
        'duplicated code',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `${good}&code=other`,
        },
        400,
      ],
      [
        'redirect_uri too long',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `${good}`.replace(/redirect_uri=[^&]*/, `redirect_uri=${'r'.repeat(257)}`),
        },
        400,
      ],
      [
        'code_verifier too short',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `${good}`.replace(/code_verifier=[^&]*/, 'code_verifier=abc'),
        },
        400,
      ],
      [
        'dnt not a boolean',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `${good}&dnt=maybe`,
        },
        400,
      ],
      [
        'garbage form',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: '%%%&&&===',
        },
        400,
      ],
    ]
    for (const [name, init, status] of attempts) {
      const response = await raw(emulator, '/token', init)
      expect(response.status, name).toBe(status)
      await expectSlasError(response, status)
    }
    await tokens(await post(emulator, '/token', Object.fromEntries(good)))
  })

  it('a declared Content-Length over 64 KiB is refused without reading', async () => {
    const emulator = createTestEmulator()
    const response = await raw(emulator, '/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '70000' },
      body: 'a=1',
    })
    await expectSlasError(response, 413)
  })

  it('a malformed refresh request does not rotate the token', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    await expectSlasError(await refresh(emulator, guest.refresh_token, { channel_id: 'Nope' }), 400)
    await expectSlasError(
      await refresh(emulator, guest.refresh_token, { client_id: 'x'.repeat(41) }),
      400,
    )
    await expectSlasError(await refresh(emulator, guest.refresh_token, { dnt: 'yes' }), 400)
    await tokens(await refresh(emulator, guest.refresh_token))
  })

  it('bad Basic headers are a 401, not a crash', async () => {
    const emulator = createTestEmulator()
    for (const authorization of [
      'Basic',
      'Basic !!!',
      'Basic Zm9v',
      'Basic ' + 'A'.repeat(5),
      basic('', ''),
    ]) {
      const response = await post(
        emulator,
        '/token',
        { grant_type: 'client_credentials', channel_id: 'RefArch' },
        { authorization },
      )
      expect([400, 401]).toContain(response.status)
      await expectSlasError(response, response.status)
    }
  })

  it('organization: malformed → 400 MalformedTenantId, well-formed but unknown → 404', async () => {
    const emulator = createTestEmulator()
    const malformed = await emulator.handle(
      new Request('http://emulator.local/shopper/auth/v1/organizations/not-an-org/oauth2/jwks'),
    )
    await expectSlasError(malformed, 400, {
      error_description: 'Tenant Id Exception - Must be a well-formed tenantId',
    })
    const unknown = await emulator.handle(
      new Request(
        'http://emulator.local/shopper/auth/v1/organizations/f_ecom_abcd_prd/oauth2/jwks',
      ),
    )
    await expectSlasError(unknown, 404, { error: 'not_found' })
  })

  it('unknown paths → 404 JSON; wrong method → 405 with Allow; bad percent-encoding → 404', async () => {
    const emulator = createTestEmulator()
    await expectSlasError(
      await emulator.handle(new Request('http://emulator.local/nothing/here')),
      404,
    )
    await expectSlasError(await raw(emulator, '/nothing', {}), 404)
    const wrongMethod = await raw(emulator, '/token', { method: 'GET' })
    await expectSlasError(wrongMethod, 405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
    await expectSlasError(
      await emulator.handle(
        new Request('http://emulator.local/shopper/auth/v1/organizations/%E0%A4%A/oauth2/jwks'),
      ),
      404,
    )
  })

  it('an exception inside a route (or anywhere in the pipeline) becomes a SLAS 500 body', async () => {
    // The clock is the one injectable dependency: make its Nth read throw. For /authorize the
    // reads are: request log (1), rate limiter (2), code expiry inside the route (3).
    let calls = 0
    let failOn = 0
    const emulator = createTestEmulator({
      now: () => {
        calls += 1
        if (calls === failOn) throw new Error('clock exploded')
        return Date.now()
      },
    })
    for (const read of [3, 1]) {
      calls = 0
      failOn = read
      const { challenge } = { challenge: 'c'.repeat(43) }
      const query = new URLSearchParams({
        client_id: emulator.settings.clients.public.clientId,
        code_challenge: challenge,
        hint: 'guest',
        redirect_uri: emulator.settings.redirectURI,
        response_type: 'code',
      })
      const response = await emulator.handle(
        new Request(`${slasUrl(emulator, '/authorize')}?${query}`),
      )
      await expectSlasError(response, 500, { error: 'server_error' })
    }
    failOn = 0
    // No authorization code (43 characters) was stored.
    expect(emulator.control.secrets().some((s) => s.length === 43)).toBe(false)
  })

  it('fuzz: random form bodies on every POST route never give a 5xx or a crash', async () => {
    const emulator = createTestEmulator()
    const key = fc.constantFrom(
      'grant_type',
      'code',
      'client_id',
      'channel_id',
      'redirect_uri',
      'refresh_token',
      'usid',
      'code_verifier',
      'code_challenge',
      'token',
      'login_id',
      'hint',
      'idp_origin',
      'dnt',
      'x',
    )
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        'authorization_code_pkce',
        'refresh_token',
        'client_credentials',
        'RefArch',
        'guest',
        'ecom',
        emulator.settings.clients.public.clientId,
        emulator.settings.clients.private.clientId,
        emulator.settings.redirectURI,
      ),
    )
    const path = fc.constantFrom(
      '/token',
      '/login',
      '/revoke',
      '/introspect',
      '/trusted-system/token',
    )
    const auth = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.constant(basic(emulator.settings.clients.private.clientId, 'wrong')),
    )
    await fc.assert(
      fc.asyncProperty(
        path,
        fc.array(fc.tuple(key, value), { maxLength: 8 }),
        auth,
        async (route, pairs, authorization) => {
          const headers: Record<string, string> = {
            'content-type': 'application/x-www-form-urlencoded',
          }
          if (authorization !== undefined)
            headers.authorization = authorization.replace(/[\r\n\0]/g, '')
          let init: RequestInit
          try {
            init = {
              method: 'POST',
              headers: new Headers(headers),
              body: new URLSearchParams(pairs),
            }
          } catch {
            return // a header value fetch itself refuses
          }
          const response = await raw(emulator, route, init)
          expect(response.status).toBeGreaterThanOrEqual(200)
          expect(response.status).toBeLessThan(500)
          if (response.status >= 400) await expectSlasError(response, response.status)
        },
      ),
      { numRuns: 150, seed: 20240731 },
    )
  })
})
