/**
 * The browser client against the real handler (the handler is the client's fetch): every code
 * the endpoint answers comes back as the same ShopperSessionError code, failures without an
 * answer map like every other client's, and the service satisfies the same port.
 */
import { describe, expect, it } from 'vitest'
import { type ErrorCode, ShopperSessionError } from '../../src/errors.ts'
import {
  createPasswordResetClient,
  createPasswordResetHandler,
  type PasswordResetHandler,
  type PasswordResetHandlerService,
  type PasswordResetPort,
} from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import { ENDPOINT, handlerSetup, testPassword } from '../server/passwordReset/helpers.ts'

const NEW_PASSWORD = 'New-Password-2024!'

/** A client whose fetch is `handler` (optionally rewriting each request first). */
function clientOf(handler: PasswordResetHandler, rewrite?: (request: Request) => Request) {
  const seen: Request[] = []
  const client = createPasswordResetClient({
    endpoint: ENDPOINT,
    fetch: async (input, init) => {
      const request = new Request(input, init)
      seen.push(request.clone())
      return handler(rewrite ? rewrite(request) : request)
    },
  })
  return { client, seen }
}

/** A service stand-in that fails with `error`. */
function failingService(error: unknown): PasswordResetHandlerService {
  const fail = async () => {
    throw error
  }
  return { requestToken: fail, resetPassword: fail }
}

describe('the client against the handler', () => {
  it('requests, delivers, resets: both resolve with nothing', async () => {
    const { handler, shopper, deliveries, lastToken } = handlerSetup()
    const { client, seen } = clientOf(handler)
    const ada = shopper()
    await expect(client.requestToken(ada.login)).resolves.toBeUndefined()
    expect(deliveries).toHaveLength(1)
    const input = { login: ada.login, token: lastToken(), newPassword: NEW_PASSWORD }
    await expect(client.resetPassword(input)).resolves.toBeUndefined()

    const [first] = seen
    expect(first?.method).toBe('POST')
    expect(first?.headers.get('content-type')).toBe('application/json')
    expect(first?.headers.get('x-shopper-session')).toBe('1')
    expect(await first?.json()).toEqual({ action: 'request', login: ada.login })
    expect(await seen[1]?.json()).toEqual({ action: 'reset', ...input })
  })

  it('maps every refusal back to its code and status', async () => {
    const { handler, emulator, shopper, lastToken } = handlerSetup()
    const { client } = clientOf(handler)
    const ada = shopper()

    const notFound = await expectCode(client.requestToken('nobody@example.com'), 'not_found')
    expect(notFound.status).toBe(404)
    expect(notFound.operation).toBe('getResetPasswordToken')
    expect(notFound.serverMessage).toBe('No shopper has this login.')
    expect(notFound.message).toBe('getResetPasswordToken failed: 404 No shopper has this login.')

    const empty = await expectCode(client.requestToken(''), 'bad_request')
    expect(empty.status).toBe(400)

    await client.requestToken(ada.login)
    const token = lastToken()
    const weak = testPassword('weakpass')
    const tooWeak = await expectCode(
      client.resetPassword({ login: ada.login, token, newPassword: weak }),
      'weak_password',
    )
    expect(tooWeak.operation).toBe('resetPassword')
    await expectCode(
      client.resetPassword({ login: ada.login, token: 'x'.repeat(32), newPassword: NEW_PASSWORD }),
      'invalid_reset_token',
    )

    emulator.control.failNext('resetPassword', { status: 500 })
    const failed = await expectCode(
      client.resetPassword({ login: ada.login, token, newPassword: NEW_PASSWORD }),
      'server_error',
    )
    expect(failed.status).toBe(502)
    expect(failed.transient).toBe(true)

    emulator.control.failNext('resetPassword', {
      status: 503,
      headers: { sfdc_maintenance: 'system', 'retry-after': '120' },
    })
    const maintenance = await expectCode(
      client.resetPassword({ login: ada.login, token, newPassword: NEW_PASSWORD }),
      'maintenance',
    )
    expect(maintenance.retryAfterMs).toBe(120_000)
    // The token is still good after all that.
    await client.resetPassword({ login: ada.login, token, newPassword: NEW_PASSWORD })
  })

  it('rate_limited with retryAfterMs from Retry-After', async () => {
    const { handler, shopper } = handlerSetup()
    const { client } = clientOf(handler)
    for (let index = 0; index < 5; index += 1) await client.requestToken(shopper().login)
    const limited = await expectCode(client.requestToken(shopper().login), 'rate_limited')
    expect(limited.status).toBe(429)
    expect(limited.retryAfterMs).toBeGreaterThan(14 * 60_000)
    expect(limited.retryAfterMs).toBeLessThanOrEqual(15 * 60_000)
    expect(limited.transient).toBe(true)
  })

  it('forbidden when the page is on a foreign origin', async () => {
    const { handler, count } = handlerSetup()
    const { client } = clientOf(handler, (request) => {
      const headers = new Headers(request.headers)
      headers.set('origin', 'https://evil.test')
      return new Request(request, { headers })
    })
    const error = await expectCode(client.requestToken('ada@example.com'), 'forbidden')
    expect(error.status).toBe(403)
    expect(count()).toBe(0)
  })

  it('neutral: an unknown login resolves', async () => {
    const { handler } = handlerSetup({}, { unknownLogin: 'neutral' })
    const { client } = clientOf(handler)
    await expect(client.requestToken('nobody@example.com')).resolves.toBeUndefined()
  })

  it.each<[ErrorCode, number]>([
    ['timeout', 504],
    ['network', 502],
    ['invalid_client', 502],
    ['invalid_response', 502],
    ['invalid_config', 502],
  ])('an upstream %s reaches the browser as its public code', async (code, status) => {
    const handler = createPasswordResetHandler(
      failingService(new ShopperSessionError(code, `getResetPasswordToken failed: ${code}`)),
      { logger: null },
    )
    const error = await expectCode(
      clientOf(handler).client.requestToken('a@example.com'),
      code === 'timeout' ? 'timeout' : 'server_error',
    )
    expect(error.status).toBe(status)
  })
})

describe('the client without a problem answer', () => {
  const answering = (response: () => Response) =>
    createPasswordResetClient({ endpoint: ENDPOINT, fetch: async () => response() })

  it('no HTTP answer: network; an aborted signal: aborted; a timeout: timeout', async () => {
    const offline = createPasswordResetClient({
      endpoint: ENDPOINT,
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    await expectCode(offline.requestToken('a@example.com'), 'network')

    let called = false
    const never = createPasswordResetClient({
      endpoint: ENDPOINT,
      fetch: async () => {
        called = true
        return new Response(null, { status: 204 })
      },
    })
    const controller = new AbortController()
    controller.abort()
    await expectCode(never.requestToken('a@example.com', { signal: controller.signal }), 'aborted')
    expect(called).toBe(false)

    const slow = createPasswordResetClient({
      endpoint: ENDPOINT,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    })
    await expectCode(
      slow.resetPassword(
        { login: 'a', token: 't', newPassword: 'p' },
        { signal: AbortSignal.timeout(5) },
      ),
      'timeout',
    )
  })

  it('a proxy page: server_error (5xx), rate_limited (429), invalid_response (other)', async () => {
    const page = (status: number, headers: Record<string, string> = {}) =>
      answering(() => new Response('<html>Bad Gateway</html>', { status, headers }))
    const gateway = await expectCode(page(502).requestToken('a'), 'server_error')
    expect(gateway.message).toBe('getResetPasswordToken failed: 502 unexpected answer')
    const busy = page(429, { 'retry-after': '7' })
    const limited = await expectCode(busy.requestToken('a'), 'rate_limited')
    expect(limited.retryAfterMs).toBe(7000)
    await expectCode(page(404).requestToken('a'), 'invalid_response')
    // A code this library does not know is not trusted either.
    const odd = answering(() => Response.json({ code: 'teapot', message: 'no' }, { status: 418 }))
    await expectCode(odd.requestToken('a'), 'invalid_response')
  })

  it('any 2xx is success', async () => {
    const client = answering(() => Response.json({ ok: true }))
    await expect(client.requestToken('a')).resolves.toBeUndefined()
  })

  it('sends to the endpoint as given (relative URLs resolve in the page)', async () => {
    const targets: unknown[] = []
    const client = createPasswordResetClient({
      endpoint: '/api/password-reset',
      headers: { 'x-request-id': 'abc', 'x-shopper-session': '0' },
      fetch: async (input, init) => {
        targets.push(input, new Headers(init?.headers).get('x-shopper-session'))
        return new Response(null, { status: 204 })
      },
    })
    await client.requestToken('a')
    expect(targets).toEqual(['/api/password-reset', '1'])
  })

  it('bad options: invalid_config', async () => {
    const make = (options: unknown) =>
      Promise.resolve().then(() => createPasswordResetClient(options as never))
    await expectCode(make({}), 'invalid_config')
    await expectCode(make({ endpoint: '' }), 'invalid_config')
    await expectCode(make({ endpoint: '/x', fetch: 'no' }), 'invalid_config')
    await expectCode(make(undefined), 'invalid_config')
  })
})

describe('the port', () => {
  it('the service and the client are both a PasswordResetPort', async () => {
    const { service, handler, shopper, deliveries } = handlerSetup()
    const ports: PasswordResetPort[] = [service, clientOf(handler).client]
    for (const port of ports) await port.requestToken(shopper().login)
    expect(deliveries).toHaveLength(2)
  })
})
