import { describe, expect, it } from 'vitest'
import { ConnectionDropped } from '../../../src/emulator/index.ts'
import { mapErrorResponse } from '../../../src/scapi/errorMapping.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import { recordError } from '../../support/secretGuard.ts'
import { expectSlasError, FIXED_CLOCK, loginGuest, post, privateAuth } from '../helpers.ts'
import {
  basketOf,
  call,
  createBasket,
  expectProblem,
  guestThenRegistered,
  quantities,
} from './helpers.ts'

const OPERATIONS = [
  ['createBasket', 'POST', '/baskets'],
  ['getBasket', 'GET', '/baskets/x'],
  ['deleteBasket', 'DELETE', '/baskets/x'],
  ['addItemToBasket', 'POST', '/baskets/x/items'],
  ['updateCustomerForBasket', 'PUT', '/baskets/x/customer'],
  ['mergeBasket', 'POST', '/baskets/actions/merge'],
  ['transferBasket', 'POST', '/baskets/actions/transfer'],
] as const

describe('control.failNext on basket operations', () => {
  it.each(OPERATIONS)(
    '%s: status faults answer problem+json in the module shape',
    async (operation, method, path) => {
      const emulator = createTestEmulator()
      const guest = await loginGuest(emulator)
      emulator.control.failNext(operation, { status: 503, count: 2 })
      for (let i = 0; i < 2; i += 1) {
        await expectProblem(
          await call(emulator, method, path, { token: guest.access_token }),
          503,
          'service-unavailable',
        )
      }
      const after = await call(emulator, method, path, { token: guest.access_token })
      expect(after.status).not.toBe(503)
      expect(
        emulator.control
          .requests(operation)
          .map((e) => e.status)
          .slice(0, 2),
      ).toEqual([503, 503])
    },
  )

  it('maintenance, 401, 429 defaults; custom body', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const token = guest.access_token
    emulator.control.failNext('getBasket', { status: 503, headers: { sfdc_maintenance: 'system' } })
    const maintenance = await call(emulator, 'GET', '/baskets/x', { token })
    await expectProblem(maintenance, 503, 'maintenance')
    expect(maintenance.headers.get('sfdc_maintenance')).toBe('system')
    emulator.control.failNext('getBasket', { status: 401 })
    await expectProblem(
      await call(emulator, 'GET', '/baskets/x', { token }),
      401,
      'invalid-access-token',
    )
    emulator.control.failNext('getBasket', { status: 418, body: { teapot: true } })
    const custom = await call(emulator, 'GET', '/baskets/x', { token })
    expect(custom.status).toBe(418)
    expect(await custom.json()).toEqual({ teapot: true })
  })

  it('phase after + drop on createBasket: the basket exists, the answer is lost', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.failNext('createBasket', { drop: true, phase: 'after' })
    await expect(
      call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} }),
    ).rejects.toBeInstanceOf(ConnectionDropped)
    const retry = await expectProblem(
      await call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} }),
      400,
      'customer-baskets-quota-exceeded',
    )
    // The retry learns the lost basket's id and can carry on with it.
    await basketOf(
      await call(emulator, 'GET', `/baskets/${String(retry.basketIds)}`, {
        token: guest.access_token,
      }),
    )
  })

  it('phase after + status on addItemToBasket and transferBasket: the change happened anyway', async () => {
    const emulator = createTestEmulator()
    const { guest, registered } = await guestThenRegistered(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    emulator.control.failNext('addItemToBasket', { status: 500, phase: 'after' })
    const body = [{ productId: 'sku', quantity: 1 }]
    await expectProblem(
      await call(emulator, 'POST', `/baskets/${basketId}/items`, {
        token: guest.access_token,
        body,
      }),
      500,
      'internal-server-error',
    )
    const read = await basketOf(
      await call(emulator, 'GET', `/baskets/${basketId}`, { token: guest.access_token }),
    )
    expect(quantities(read)).toEqual({ sku: 1 })

    emulator.control.failNext('transferBasket', { status: 504, phase: 'after' })
    expect(
      (
        await call(emulator, 'POST', '/baskets/actions/transfer', {
          token: registered.access_token,
        })
      ).status,
    ).toBe(504)
    await basketOf(
      await call(emulator, 'GET', `/baskets/${basketId}`, { token: registered.access_token }),
    )
  })

  it('phase after on getAccessToken (SLAS) still loses the rotated token', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.failNext('getAccessToken', { status: 502, phase: 'after' })
    const refresh = {
      grant_type: 'refresh_token',
      refresh_token: guest.refresh_token,
      client_id: emulator.settings.clients.public.clientId,
      channel_id: 'RefArch',
    }
    expect((await post(emulator, '/token', refresh)).status).toBe(502)
    await expectSlasError(await post(emulator, '/token', refresh), 400, {
      message: 'invalid refresh_token',
    })
  })

  it('delayMs delays the real answer', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.failNext('createBasket', { delayMs: 40 })
    const started = performance.now()
    await basketOf(
      await call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} }),
    )
    expect(performance.now() - started).toBeGreaterThanOrEqual(35)
  })
})

describe('control.rateLimit', () => {
  it('one operation: 429 in the basket shape with Retry-After and X-RateLimit-*; the operation does not run', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(emulator)
    emulator.control.rateLimit('createBasket', { retryAfterSeconds: 7 })
    const limited = await call(emulator, 'POST', '/baskets', {
      token: guest.access_token,
      body: {},
    })
    const reset = String(Math.ceil(emulator.control.now() / 1000) + 7)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.headers.get('x-ratelimit-1m-remaining')).toBe('0')
    expect(limited.headers.get('x-ratelimit-1m-reset')).toBe(reset)
    expect(limited.headers.get('x-ratelimit-5m-limit')).toBe('2400')
    const body = await expectProblem(limited, 429, 'too-many-requests')
    const error = mapErrorResponse({
      operation: 'createBasket',
      status: 429,
      headers: limited.headers,
      body,
    })
    recordError(error)
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfterMs).toBe(7000)
    // Not run: the next create succeeds (no quota hit).
    await createBasket(emulator, guest.access_token)
  })

  it('any operation, count 2: SLAS and baskets each answer their own 429 shape; default Retry-After 60', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.rateLimit({ count: 2 })
    const slas = await post(
      emulator,
      '/token',
      { grant_type: 'client_credentials', channel_id: 'RefArch' },
      { authorization: privateAuth(emulator) },
    )
    expect(slas.headers.get('retry-after')).toBe('60')
    await expectSlasError(slas, 429, {
      error: 'too_many_requests',
      status_code: '429 TOO_MANY_REQUESTS',
    })
    const basket = await call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} })
    expect(basket.headers.get('retry-after')).toBe('60')
    await expectProblem(basket, 429, 'too-many-requests')
    await createBasket(emulator, guest.access_token)
  })

  it('operation-specific entries win over the any-operation queue; reset clears both', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.rateLimit('getBasket', { retryAfterSeconds: 1 })
    emulator.control.rateLimit(undefined, { retryAfterSeconds: 2 })
    const first = await call(emulator, 'GET', '/baskets/x', { token: guest.access_token })
    expect(first.headers.get('retry-after')).toBe('1')
    const second = await call(emulator, 'GET', '/baskets/x', { token: guest.access_token })
    expect(second.headers.get('retry-after')).toBe('2')
    emulator.control.rateLimit({ count: 5 })
    emulator.control.reset()
    const again = await loginGuest(emulator)
    await createBasket(emulator, again.access_token)
  })

  it('typos and bad options throw', () => {
    const emulator = createTestEmulator()
    expect(() => emulator.control.rateLimit('getBaskets')).toThrow(TypeError)
    expect(() => emulator.control.rateLimit('getBasket', { count: 0 })).toThrow(TypeError)
    expect(() => emulator.control.rateLimit({ retryAfterSeconds: 1.5 })).toThrow(TypeError)
    expect(() => emulator.control.failNext('getBaskets', { status: 500 })).toThrow(TypeError)
  })
})
