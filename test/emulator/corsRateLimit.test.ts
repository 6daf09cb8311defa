import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import { expectSlasError, FIXED_CLOCK, get, loginGuest, post, slasUrl, T0 } from './helpers.ts'

describe('CORS', () => {
  it('preflight from an allowed origin: 204 echoing the origin, with methods and headers', async () => {
    const emulator = createTestEmulator()
    const response = await emulator.handle(
      new Request(slasUrl(emulator, '/token'), {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-custom',
        },
      }),
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    const allowed = response.headers.get('access-control-allow-headers') ?? ''
    for (const header of ['authorization', 'content-type', 'x-slas-client-auth', 'x-custom']) {
      expect(allowed).toContain(header)
    }
  })

  it('an origin that is not configured gets no CORS headers', async () => {
    const emulator = createTestEmulator()
    const headers = { origin: 'https://evil.example', 'access-control-request-method': 'POST' }
    const preflight = await emulator.handle(
      new Request(slasUrl(emulator, '/token'), { method: 'OPTIONS', headers }),
    )
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    const actual = await get(emulator, '/jwks', {}, { origin: 'https://evil.example' })
    expect(actual.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers carry allow-origin, credentials and expose Location and the rate-limit headers', async () => {
    const emulator = createTestEmulator({ corsOrigins: ['https://shop.example'] })
    const response = await get(emulator, '/jwks', {}, { origin: 'https://shop.example' })
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    const exposed = response.headers.get('access-control-expose-headers') ?? ''
    for (const name of [
      'Location',
      'X-RateLimit-1M-Remaining',
      'X-RateLimit-5M-Reset',
      'Retry-After',
    ]) {
      expect(exposed).toContain(name)
    }
    const local = await get(emulator, '/jwks', {}, { origin: 'http://localhost:5173' })
    expect(local.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('rate limits', () => {
  it('every SLAS answer carries the 1M and 5M headers, per client, with epoch-second resets', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const clientId = emulator.settings.clients.public.clientId
    const first = await get(emulator, '/authorize', { client_id: clientId })
    expect(first.headers.get('x-ratelimit-1m-limit')).toBe('600')
    expect(first.headers.get('x-ratelimit-1m-remaining')).toBe('599')
    expect(first.headers.get('x-ratelimit-1m-reset')).toBe(String(T0 / 1000 + 60))
    expect(first.headers.get('x-ratelimit-5m-limit')).toBe('2400')
    expect(first.headers.get('x-ratelimit-5m-remaining')).toBe('2399')
    expect(Number(first.headers.get('x-ratelimit-5m-reset')) % 300).toBe(0)
    const second = await get(emulator, '/authorize', { client_id: clientId })
    expect(second.headers.get('x-ratelimit-1m-remaining')).toBe('598')
    // Another client has its own budget.
    const other = await post(emulator, '/token', { client_id: 'someone-else', grant_type: 'x' })
    expect(other.headers.get('x-ratelimit-1m-remaining')).toBe('599')
    emulator.control.advanceTime(60_000)
    const next = await get(emulator, '/authorize', { client_id: clientId })
    expect(next.headers.get('x-ratelimit-1m-remaining')).toBe('599')
    expect(next.headers.get('x-ratelimit-5m-remaining')).toBe('2397')
  })

  it('enforced: once the window is used up → 429 with Retry-After, until the window resets', async () => {
    const emulator = createTestEmulator({
      ...FIXED_CLOCK,
      rateLimit: { perMinute: 3, enforce: true },
    })
    const query = { client_id: emulator.settings.clients.public.clientId }
    for (let i = 0; i < 3; i += 1)
      expect((await get(emulator, '/authorize', query)).status).toBe(400)
    emulator.control.advanceTime(57_000)
    const refused = await get(emulator, '/authorize', query)
    await expectSlasError(refused, 429, {
      error: 'too_many_requests',
      error_description: 'Rate limit exceeded.',
    })
    expect(refused.headers.get('retry-after')).toBe('3')
    expect(refused.headers.get('x-ratelimit-1m-remaining')).toBe('0')
    emulator.control.advanceTime(3000)
    await loginGuest(emulator)
  })

  it('not enforced by default', async () => {
    const emulator = createTestEmulator({ rateLimit: { perMinute: 1 } })
    await get(emulator, '/jwks')
    const response = await get(emulator, '/jwks')
    expect(response.status).toBe(200)
    expect(response.headers.get('x-ratelimit-1m-remaining')).toBe('0')
  })
})
