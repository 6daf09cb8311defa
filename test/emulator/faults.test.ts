import { describe, expect, it } from 'vitest'
import { ConnectionDropped } from '../../src/emulator/index.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { expectSlasError, get, loginGuest, refresh, slasUrl, tokens } from './helpers.ts'

describe('control.failNext', () => {
  it('status: the next call answers the wire-shape body without acting; count applies', async () => {
    const emulator = createTestEmulator()
    emulator.control.failNext('getJwksUri', { status: 503, count: 2 })
    for (let i = 0; i < 2; i += 1) {
      await expectSlasError(await get(emulator, '/jwks'), 503, {
        error: 'gateway_server_error',
        status_code: '503 SERVICE_UNAVAILABLE',
      })
    }
    expect((await get(emulator, '/jwks')).status).toBe(200)
    expect(emulator.control.requests('getJwksUri').map((r) => r.status)).toEqual([503, 503, 200])
  })

  it('custom body and headers', async () => {
    const emulator = createTestEmulator()
    emulator.control.failNext('getJwksUri', {
      status: 418,
      body: { custom: true },
      headers: { 'x-fault': 'yes' },
    })
    const response = await get(emulator, '/jwks')
    expect(response.status).toBe(418)
    expect(response.headers.get('x-fault')).toBe('yes')
    expect(await response.json()).toEqual({ custom: true })
  })

  it('before phase on a refresh: nothing happens server-side, the old token still works', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.failNext('getAccessToken', { status: 500 })
    await expectSlasError(await refresh(emulator, guest.refresh_token), 500, {
      error: 'server_error',
    })
    await tokens(await refresh(emulator, guest.refresh_token))
  })

  it('after phase on a refresh: the token rotates server-side, then the answer is lost', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.failNext('getAccessToken', { status: 504, phase: 'after' })
    expect((await refresh(emulator, guest.refresh_token)).status).toBe(504)
    await expectSlasError(await refresh(emulator, guest.refresh_token), 400, {
      message: 'invalid refresh_token',
    })
  })

  it('drop: handle rejects with ConnectionDropped, fetch with TypeError("fetch failed")', async () => {
    const emulator = createTestEmulator()
    emulator.control.failNext('getJwksUri', { drop: true, count: 2 })
    await expect(emulator.handle(new Request(slasUrl(emulator, '/jwks')))).rejects.toBeInstanceOf(
      ConnectionDropped,
    )
    const failed = await emulator.fetch(slasUrl(emulator, '/jwks')).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(TypeError)
    expect((failed as TypeError).message).toBe('fetch failed')
    expect(emulator.control.requests('getJwksUri').map((r) => r.status)).toEqual([0, 0])
  })

  it('drop after phase: the refresh happened, the caller never hears of it', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    emulator.control.failNext('getAccessToken', { drop: true, phase: 'after' })
    await expect(refresh(emulator, guest.refresh_token)).rejects.toBeInstanceOf(ConnectionDropped)
    await expectSlasError(await refresh(emulator, guest.refresh_token), 400, {
      message: 'invalid refresh_token',
    })
  })

  it('delay only: the real answer, late', async () => {
    const emulator = createTestEmulator()
    emulator.control.failNext('getJwksUri', { delayMs: 60 })
    const started = performance.now()
    const response = await get(emulator, '/jwks')
    expect(response.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })

  it('a delayed fetch can be aborted by its signal', async () => {
    const emulator = createTestEmulator()
    emulator.control.failNext('getJwksUri', { delayMs: 200 })
    const outcome = await emulator
      .fetch(slasUrl(emulator, '/jwks'), { signal: AbortSignal.timeout(20) })
      .catch((error: unknown) => error)
    expect(outcome).toBeInstanceOf(DOMException)
    expect((outcome as DOMException).name).toBe('TimeoutError')
  })

  it('unknown operations and bad faults throw at once', () => {
    const emulator = createTestEmulator()
    expect(() => emulator.control.failNext('getAccesToken', { status: 500 })).toThrow(
      /unknown operation/,
    )
    expect(() => emulator.control.failNext('getAccessToken', { count: 0 })).toThrow(TypeError)
    expect(() => emulator.control.failNext('getAccessToken', { status: 99 })).toThrow(TypeError)
  })

  it('faults are per operation and cleared by reset', async () => {
    const emulator = createTestEmulator()
    emulator.control.failNext('getAccessToken', { status: 500 })
    expect((await get(emulator, '/jwks')).status).toBe(200)
    emulator.control.reset()
    await loginGuest(emulator)
  })
})
