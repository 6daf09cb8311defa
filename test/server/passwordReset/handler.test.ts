/**
 * The password reset endpoint: answers (204, never the token), CSRF and CORS rules, body limits,
 * status codes for every refusal, client keys for the per-client limit, and logging.
 */
import { describe, expect, it } from 'vitest'
import { ShopperSessionError } from '../../../src/errors.ts'
import {
  createPasswordResetHandler,
  type PasswordResetHandlerService,
} from '../../../src/server/index.ts'
import { expectCode } from '../../support/expectError.ts'
import { call, ENDPOINT, handlerSetup, testPassword, visible } from './helpers.ts'

const NEW_PASSWORD = 'New-Password-2024!'

/** A service stand-in that fails every call with `error`, counting calls. */
function failing(error: unknown) {
  const calls: string[] = []
  const service: PasswordResetHandlerService = {
    requestToken: async (login) => {
      calls.push(login)
      throw error
    },
    resetPassword: async (input) => {
      calls.push(input.login)
      throw error
    },
  }
  return { service, calls }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>
}

describe('answers', () => {
  it('request and reset answer 204 without a body; the token is in no answer', async () => {
    const { handler, shopper, lastToken, emulator } = handlerSetup()
    const ada = shopper()
    const requested = await handler(call({ action: 'request', login: ada.login }))
    expect(requested.status).toBe(204)
    const token = lastToken()
    expect(await visible(requested)).not.toContain(token)
    expect(requested.headers.get('cache-control')).toBe('no-store')

    const reset = await handler(
      call({ action: 'reset', login: ada.login, token, newPassword: NEW_PASSWORD }),
    )
    expect(reset.status).toBe(204)
    expect(await reset.text()).toBe('')
    // The answers of refused calls do not carry it either.
    const again = await handler(
      call({ action: 'reset', login: ada.login, token, newPassword: NEW_PASSWORD }),
    )
    const text = await visible(again)
    expect(text).not.toContain(token)
    expect(text).not.toContain(NEW_PASSWORD)
    for (const secret of emulator.control.secrets()) expect(text).not.toContain(secret)
  })

  it('refusals: JSON { code, message } with the right status', async () => {
    const { handler, shopper, lastToken } = handlerSetup()
    const ada = shopper()
    const unknown = await handler(call({ action: 'request', login: 'nobody@example.com' }))
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toContain('application/json')
    const problem = { code: 'not_found', message: 'No shopper has this login.' }
    expect(await json(unknown)).toEqual(problem)

    await handler(call({ action: 'request', login: ada.login }))
    const weak = testPassword('weakpass')
    const tooWeak = await handler(
      call({ action: 'reset', login: ada.login, token: lastToken(), newPassword: weak }),
    )
    expect(tooWeak.status).toBe(400)
    expect((await json(tooWeak)).code).toBe('weak_password')

    const wrong = await handler(
      call({ action: 'reset', login: ada.login, token: 'x'.repeat(32), newPassword: NEW_PASSWORD }),
    )
    expect(wrong.status).toBe(400)
    expect((await json(wrong)).code).toBe('invalid_reset_token')
  })

  it('neutral: an unknown login answers exactly like a known one', async () => {
    const { handler, shopper, deliveries } = handlerSetup({}, { unknownLogin: 'neutral' })
    const known = await handler(call({ action: 'request', login: shopper().login }))
    const unknown = await handler(call({ action: 'request', login: 'nobody@example.com' }))
    expect(unknown.status).toBe(204)
    expect([...unknown.headers]).toEqual([...known.headers])
    expect(await unknown.text()).toBe(await known.text())
    expect(deliveries).toHaveLength(1)
  })

  it('bad bodies: 400 naming the problem, never echoing a value; nothing sent', async () => {
    const { handler, count } = handlerSetup()
    const cases: [unknown, string][] = [
      ['{"action":"request","login":', 'The request body must be JSON.'],
      ['[1,2]', 'The request body must be a JSON object.'],
      ['null', 'The request body must be a JSON object.'],
      [{ action: 'delete', login: 'a' }, 'action: must be "request" or "reset"'],
      [{ login: 'a' }, 'action: must be "request" or "reset"'],
      [{ action: 'request' }, 'getResetPasswordToken: login: is required'],
      [{ action: 'request', login: 42 }, 'getResetPasswordToken: login: must be a string'],
      [{ action: 'reset', login: 'a', newPassword: 'p' }, 'resetPassword: token: is required'],
      [
        { action: 'reset', login: 'a', token: 'secret-token-value', newPassword: '' },
        'resetPassword: newPassword: must not be empty',
      ],
    ]
    for (const [body, message] of cases) {
      const response = await handler(call(body))
      expect(response.status).toBe(400)
      const problem = await json(response)
      expect(problem).toEqual({ code: 'bad_request', message })
    }
    const invalidUtf8 = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopper-session': '1' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    })
    expect((await handler(invalidUtf8)).status).toBe(400)
    expect(count()).toBe(0)
  })

  it('an oversized body: 413, by Content-Length or by the bytes actually sent', async () => {
    const { handler, count } = handlerSetup({ maxBodyBytes: 1024 })
    const big = { action: 'request', login: 'a'.repeat(2000) }
    const declared = await handler(call(big))
    expect(declared.status).toBe(413)
    expect((await json(declared)).code).toBe('bad_request')

    // A streamed body has no Content-Length: the reader stops at the limit.
    const chunk = new TextEncoder().encode('x'.repeat(512))
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        if (pulled > 100) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const streamed = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopper-session': '1' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect((await handler(streamed)).status).toBe(413)
    expect(pulled).toBeLessThan(10)
    expect(count()).toBe(0)
  })

  it('a method other than POST or OPTIONS: 405 with Allow', async () => {
    const { handler } = handlerSetup()
    const response = await handler(new Request(ENDPOINT))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('OPTIONS, POST')
  })

  it('neutral: a failed delivery answers 204 like an unknown login, logged', async () => {
    const serverLines: string[] = []
    let attempted = 0
    const { handler, shopper, emulator, lines } = handlerSetup(
      {},
      {
        unknownLogin: 'neutral',
        deliverToken: ({ token }) => {
          attempted += 1
          throw new Error(`SMTP refused https://shop.test/reset#token=${token}`)
        },
        logger: { error: (message, data) => serverLines.push(`${message} ${String(data)}`) },
      },
    )
    const ada = shopper()
    const known = await handler(call({ action: 'request', login: ada.login }))
    const unknown = await handler(call({ action: 'request', login: 'nobody@example.com' }))
    expect(attempted).toBe(1)
    expect(known.status).toBe(204)
    expect(await visible(known)).toBe(await visible(unknown))
    expect(serverLines).toHaveLength(1)
    expect(serverLines[0]).toContain('deliverToken failed (Error)')
    const token = emulator.control.outbox()[0]?.resetToken ?? ''
    expect(token).not.toBe('')
    expect(serverLines[0]).not.toContain(token)
    expect(serverLines[0]).not.toContain(ada.login)
    expect(lines).toEqual([]) // the handler saw a success: nothing more to log
  })

  it('rate limited: 429 with Retry-After in seconds and retryAfterMs', async () => {
    const { handler, shopper } = handlerSetup()
    const ada = shopper()
    for (let index = 0; index < 5; index += 1) {
      expect((await handler(call({ action: 'request', login: ada.login }))).status).toBe(204)
    }
    const limited = await handler(call({ action: 'request', login: ada.login }))
    expect(limited.status).toBe(429)
    const problem = await json(limited)
    expect(problem.code).toBe('rate_limited')
    const seconds = Number(limited.headers.get('retry-after'))
    expect(seconds).toBeGreaterThan(14 * 60)
    expect(seconds).toBeLessThanOrEqual(15 * 60)
    expect(Math.ceil(Number(problem.retryAfterMs) / 1000)).toBe(seconds)
  })
})

describe('upstream failures', () => {
  it('SCAPI 5xx: 502 server_error; maintenance: 503 with Retry-After', async () => {
    const { handler, emulator, shopper, lines } = handlerSetup()
    emulator.control.failNext('getResetPasswordToken', { status: 500 })
    const failed = await handler(call({ action: 'request', login: shopper().login }))
    expect(failed.status).toBe(502)
    expect((await json(failed)).code).toBe('server_error')

    emulator.control.failNext('getResetPasswordToken', {
      status: 503,
      headers: { sfdc_maintenance: 'system', 'retry-after': '120' },
    })
    const maintenance = await handler(call({ action: 'request', login: shopper().login }))
    expect(maintenance.status).toBe(503)
    expect(maintenance.headers.get('retry-after')).toBe('120')
    expect((await json(maintenance)).code).toBe('maintenance')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('answered 502')
    expect(lines[0]).toContain('"operation":"getResetPasswordToken"')
  })

  it('refused Account Manager credentials: 502, the browser learns nothing more', async () => {
    const { handler, shopper, lines } = handlerSetup(
      {},
      { accountManager: { clientSecret: 'not-the-secret' } },
    )
    const response = await handler(call({ action: 'request', login: shopper().login }))
    expect(response.status).toBe(502)
    expect(await json(response)).toEqual({
      code: 'server_error',
      message: 'The password reset service is unavailable; try again later.',
    })
    expect(lines[0]).toContain('"errorCode":"invalid_client"')
    expect(lines.join('\n')).not.toContain('not-the-secret')
  })

  it('no answer from SCAPI: 502; a timeout: 504; a failed delivery or a bug: 500', async () => {
    const { handler, emulator, shopper } = handlerSetup(
      {},
      {
        deliverToken: () => {
          throw new Error('SMTP down')
        },
        logger: {},
      },
    )
    emulator.control.failNext('getResetPasswordToken', { drop: true })
    const dropped = await handler(call({ action: 'request', login: shopper().login }))
    expect(dropped.status).toBe(502)
    const undelivered = await handler(call({ action: 'request', login: shopper().login }))
    expect(undelivered.status).toBe(500)
    expect((await json(undelivered)).code).toBe('server_error')

    const timeout = failing(new ShopperSessionError('timeout', 'resetPassword timed out'))
    const timedOut = await createPasswordResetHandler(timeout.service, { logger: null })(
      call({ action: 'request', login: 'a@example.com' }),
    )
    expect(timedOut.status).toBe(504)
    expect((await json(timedOut)).code).toBe('timeout')
    const bug = failing(new TypeError('x is undefined'))
    const crashed = await createPasswordResetHandler(bug.service, { logger: null })(
      call({ action: 'request', login: 'a@example.com' }),
    )
    expect(crashed.status).toBe(500)
  })

  it('log lines never carry a token or a password', async () => {
    const { handler, emulator, shopper, lastToken, lines } = handlerSetup()
    const ada = shopper()
    await handler(call({ action: 'request', login: ada.login }))
    emulator.control.failNext('resetPassword', { status: 500 })
    const body = { action: 'reset', login: ada.login, token: lastToken(), newPassword: 'N3w!pass' }
    expect((await handler(call(body))).status).toBe(502)
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toContain(lastToken())
    expect(lines[0]).not.toContain('N3w!pass')
  })
})

describe('CSRF', () => {
  const login = 'ada@example.com'

  it('403 without the x-shopper-session header, with another content type or Origin', async () => {
    const { handler, count } = handlerSetup()
    const body = { action: 'request', login }
    const cases = [
      call(body, { headers: { 'x-shopper-session': '' } }),
      call(body, { headers: { 'x-shopper-session': 'yes' } }),
      call(body, { headers: { 'content-type': 'text/plain' } }),
      call(body, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      call(body, { headers: { origin: 'https://evil.test' } }),
      call(body, { headers: { origin: 'null' } }),
      call(body, { headers: { origin: 'https://shop.test.evil.test' } }),
    ]
    const noHeader = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.test' },
      body: JSON.stringify(body),
    })
    for (const request of [...cases, noHeader]) {
      const response = await handler(request)
      expect(response.status).toBe(403)
      expect((await json(response)).code).toBe('forbidden')
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
    }
    expect(count()).toBe(0)
  })

  it('accepts a charset parameter, and no Origin (same origin or not a browser)', async () => {
    const { handler, shopper } = handlerSetup()
    const body = { action: 'request', login: shopper().login }
    const charset = call(body, { headers: { 'content-type': 'Application/JSON; charset=utf-8' } })
    expect((await handler(charset)).status).toBe(204)
    const withoutOrigin = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopper-session': '1' },
      body: JSON.stringify(body),
    })
    expect((await handler(withoutOrigin)).status).toBe(204)
  })

  it('a listed origin may call; its answers name it and expose Retry-After', async () => {
    const { handler, shopper } = handlerSetup({ allowedOrigins: ['https://www.shop.test'] })
    const response = await handler(
      call(
        { action: 'request', login: shopper().login },
        { headers: { origin: 'https://www.shop.test' } },
      ),
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://www.shop.test')
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    expect(response.headers.get('vary')).toBe('Origin')
    // The same origin needs no CORS headers.
    const own = await handler(call({ action: 'request', login: shopper().login }))
    expect(own.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allowedOrigins must be origins: invalid_config otherwise', async () => {
    const { service } = handlerSetup()
    for (const origin of ['*', 'https://shop.test/path', 'shop.test', 'ftp://shop.test']) {
      const make = () => createPasswordResetHandler(service, { allowedOrigins: [origin] })
      const error = await expectCode(Promise.resolve().then(make), 'invalid_config')
      expect(error.message).toContain('allowedOrigins[0]: must be an http(s) origin')
    }
    await expectCode(
      Promise.resolve().then(() => createPasswordResetHandler(service, { maxBodyBytes: 10 })),
      'invalid_config',
    )
    await expectCode(
      Promise.resolve().then(() => createPasswordResetHandler(service, { trustProxy: 0 })),
      'invalid_config',
    )
  })
})

describe('allowedOrigins', () => {
  it('refuses wildcards and anything but an exact origin: invalid_config naming it', async () => {
    const { service } = handlerSetup()
    const refused = [
      'https://*.example.com',
      'https://*',
      'https://shop.example.com/',
      'https://shop.example.com:443',
      'HTTPS://Shop.Example.com',
      'https://shop.example.com?x=1',
      'https://user@shop.example.com',
    ]
    for (const origin of refused) {
      const make = () =>
        createPasswordResetHandler(service, { allowedOrigins: ['https://ok.test', origin] })
      const error = await expectCode(Promise.resolve().then(make), 'invalid_config')
      expect(error.message).toContain('allowedOrigins[1]: must be an http(s) origin')
    }
    const exact = ['https://shop.example.com', 'http://localhost:3000', 'https://[::1]:8443']
    expect(() => createPasswordResetHandler(service, { allowedOrigins: exact })).not.toThrow()
  })
})

describe('CORS preflight', () => {
  const preflight = (origin: string) =>
    new Request(ENDPOINT, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-shopper-session',
      },
    })

  it('an allowed origin gets the Access-Control headers, never *', async () => {
    const { handler, count } = handlerSetup({ allowedOrigins: ['https://www.shop.test'] })
    const response = await handler(preflight('https://www.shop.test'))
    expect(response.status).toBe(204)
    expect(Object.fromEntries(response.headers)).toEqual({
      'access-control-allow-origin': 'https://www.shop.test',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, x-shopper-session',
      'access-control-max-age': '600',
      vary: 'Origin',
    })
    expect(count()).toBe(0)
  })

  it('a foreign origin is refused without Access-Control headers', async () => {
    const { handler } = handlerSetup({ allowedOrigins: ['https://www.shop.test'] })
    for (const origin of ['https://evil.test', 'null']) {
      const response = await handler(preflight(origin))
      expect(response.status).toBe(403)
      for (const [name] of response.headers) expect(name).not.toMatch(/^access-control-/)
    }
  })

  it('a plain OPTIONS (no preflight) answers Allow', async () => {
    const { handler } = handlerSetup()
    const response = await handler(new Request(ENDPOINT, { method: 'OPTIONS' }))
    expect(response.status).toBe(204)
    expect(response.headers.get('allow')).toBe('OPTIONS, POST')
  })
})

describe('client keys', () => {
  const limits = { perLogin: false as const, perClient: { limit: 1, windowMs: 60_000 } }
  const neutral = { unknownLogin: 'neutral' as const, rateLimit: limits }

  it('by default there is no per-client key: X-Forwarded-For is not read', async () => {
    const { handler } = handlerSetup({}, neutral)
    for (const login of ['a@example.com', 'b@example.com']) {
      const headers = { 'x-forwarded-for': '1.2.3.4' }
      const request = call({ action: 'request', login }, { headers })
      expect((await handler(request)).status).toBe(204)
    }
  })

  it('info.address is the key when the runtime gives one', async () => {
    const { handler } = handlerSetup({}, neutral)
    const from = async (address: string, login: string) =>
      (await handler(call({ action: 'request', login }), { address })).status
    expect(await from('203.0.113.9', 'a@example.com')).toBe(204)
    expect(await from('203.0.113.9', 'b@example.com')).toBe(429)
    expect(await from('203.0.113.10', 'c@example.com')).toBe(204)
  })

  it('trustProxy: the entry the proxy appended, not what the client claimed', async () => {
    const { handler } = handlerSetup({ trustProxy: true }, neutral)
    const from = (forwarded: string, login: string) =>
      handler(call({ action: 'request', login }, { headers: { 'x-forwarded-for': forwarded } }))
    expect((await from('6.6.6.6, 203.0.113.9', 'a@example.com')).status).toBe(204)
    // Same client, another forged left-hand entry: still the same key.
    expect((await from('7.7.7.7, 203.0.113.9', 'b@example.com')).status).toBe(429)
    expect((await from('203.0.113.10', 'c@example.com')).status).toBe(204)
  })

  it('trustProxy: 2 reads the second entry from the right', async () => {
    const { handler } = handlerSetup({ trustProxy: 2 }, neutral)
    const from = (forwarded: string, login: string) =>
      handler(call({ action: 'request', login }, { headers: { 'x-forwarded-for': forwarded } }))
    expect((await from('203.0.113.9, 10.0.0.1', 'a@example.com')).status).toBe(204)
    expect((await from('203.0.113.9, 10.0.0.2', 'b@example.com')).status).toBe(429)
  })

  it('trustProxy with info.address (Express req.ip = the proxy): the rightmost entry', async () => {
    const { handler } = handlerSetup({ trustProxy: true }, neutral)
    const proxy = '10.0.0.1'
    const from = async (forwarded: string, login: string) => {
      const headers = { 'x-forwarded-for': forwarded }
      return (await handler(call({ action: 'request', login }, { headers }), { address: proxy }))
        .status
    }
    expect(await from('203.0.113.9', 'a@example.com')).toBe(204)
    // Another shopper behind the same proxy has a key of their own.
    expect(await from('203.0.113.10', 'b@example.com')).toBe(204)
    // The first shopper again, with a forged entry on the left: still their key.
    expect(await from('6.6.6.6, 203.0.113.9', 'c@example.com')).toBe(429)
  })

  it('trustProxy: 2 with info.address counts the peer as the nearest hop', async () => {
    const { handler } = handlerSetup({ trustProxy: 2 }, neutral)
    const from = async (forwarded: string, login: string) => {
      const headers = { 'x-forwarded-for': forwarded }
      const request = call({ action: 'request', login }, { headers })
      return (await handler(request, { address: '10.0.0.2' })).status
    }
    expect(await from('203.0.113.9, 10.0.0.1', 'a@example.com')).toBe(204)
    expect(await from('203.0.113.10, 10.0.0.1', 'b@example.com')).toBe(204)
    expect(await from('6.6.6.6, 203.0.113.9, 10.0.0.3', 'c@example.com')).toBe(429)
  })

  it('trustProxy, fewer entries than proxies: the farthest address known', async () => {
    const { handler } = handlerSetup({ trustProxy: 2 }, neutral)
    const from = async (login: string, address?: string, forwarded?: string) => {
      const headers: Record<string, string> = forwarded ? { 'x-forwarded-for': forwarded } : {}
      const request = call({ action: 'request', login }, { headers })
      return (await handler(request, address === undefined ? {} : { address })).status
    }
    // No header: a call that reached the app directly is keyed by its own address.
    expect(await from('a@example.com', '203.0.113.9')).toBe(204)
    expect(await from('b@example.com', '203.0.113.9')).toBe(429)
    // One entry, through the inner proxy only: that entry is the address the proxy saw.
    expect(await from('c@example.com', '10.0.0.2', '203.0.113.10')).toBe(204)
    expect(await from('d@example.com', '10.0.0.2', '203.0.113.10')).toBe(429)
    expect(await from('e@example.com', '10.0.0.2', '203.0.113.11')).toBe(204)
    // Neither a header nor an address: no per-client key, so no per-client limit.
    expect(await from('f@example.com')).toBe(204)
    expect(await from('g@example.com')).toBe(204)
  })

  it('IPv6: one key per /64, however the address is written', async () => {
    const { handler } = handlerSetup({}, neutral)
    const from = async (address: string, login: string) =>
      (await handler(call({ action: 'request', login }), { address })).status
    expect(await from('2001:db8:0:1::1', 'a@example.com')).toBe(204)
    // Another address in the same /64: the same holder.
    expect(await from('2001:db8:0:1:ffff:ffff:ffff:ffff', 'b@example.com')).toBe(429)
    expect(await from('2001:db8:0:2::1', 'c@example.com')).toBe(204)
    expect(await from('2001:0DB8:0000:0003:0000:0000:0000:0001', 'd@example.com')).toBe(204)
    expect(await from('[2001:db8:0:3::1]:443', 'e@example.com')).toBe(429)
    expect(await from('fe80::1%eth0', 'f@example.com')).toBe(204)
    expect(await from('FE80::2%25eth1', 'g@example.com')).toBe(429)
  })

  it('an IPv4-mapped IPv6 address is its IPv4 address', async () => {
    const { handler } = handlerSetup({}, neutral)
    const from = async (address: string, login: string) =>
      (await handler(call({ action: 'request', login }), { address })).status
    expect(await from('::ffff:203.0.113.9', 'a@example.com')).toBe(204)
    expect(await from('203.0.113.9', 'b@example.com')).toBe(429)
    expect(await from('198.51.100.1', 'c@example.com')).toBe(204)
    expect(await from('::FFFF:c633:6401', 'd@example.com')).toBe(429) // 198.51.100.1 in hex
  })

  it('a custom clientKey decides', async () => {
    const { handler } = handlerSetup(
      { clientKey: (request) => request.headers.get('cf-connecting-ip') ?? undefined },
      neutral,
    )
    const from = (ip: string, login: string) =>
      handler(call({ action: 'request', login }, { headers: { 'cf-connecting-ip': ip } }))
    expect((await from('203.0.113.9', 'a@example.com')).status).toBe(204)
    expect((await from('203.0.113.9', 'b@example.com')).status).toBe(429)
  })
})

describe('a throwing clientKey', () => {
  it('answers 500 and logs, like any other bug', async () => {
    const { handler, lines, count } = handlerSetup({
      clientKey: () => {
        throw new Error('no socket')
      },
    })
    const response = await handler(call({ action: 'request', login: 'ada@example.com' }))
    expect(response.status).toBe(500)
    expect(lines).toHaveLength(1)
    expect(count()).toBe(0)
  })
})
