import { describe, expect, it } from 'vitest'
import { isErrorCode, isShopperSessionError, ShopperSessionError } from '../src/errors.ts'

describe('ShopperSessionError', () => {
  it('keeps every option as an own field, undefined when not given', () => {
    const cause = new Error('inner')
    const error = new ShopperSessionError('rate_limited', 'x failed: 429', {
      status: 429,
      operation: 'x',
      serverError: 'too_many_requests',
      serverMessage: 'Slow down.',
      retryAfterMs: 3000,
      cause,
    })
    expect(error).toMatchObject({
      name: 'ShopperSessionError',
      code: 'rate_limited',
      message: 'x failed: 429',
      status: 429,
      operation: 'x',
      serverError: 'too_many_requests',
      serverMessage: 'Slow down.',
      retryAfterMs: 3000,
      cause,
    })
    const bare = new ShopperSessionError('invalid_config', 'bad')
    for (const key of ['status', 'operation', 'serverError', 'serverMessage', 'retryAfterMs']) {
      expect(Object.hasOwn(bare, key)).toBe(true)
      expect(bare[key as keyof ShopperSessionError]).toBeUndefined()
    }
  })

  it('serializes without the cause, the server message and undefined fields', () => {
    const error = new ShopperSessionError('rate_limited', 'm', {
      status: 429,
      serverMessage: 'Slow down.',
      cause: new Error('inner'),
    })
    expect(error.toJSON()).toStrictEqual({ code: 'rate_limited', message: 'm', status: 429 })
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual(error.toJSON())
  })

  it('tells transient codes and narrows by code', () => {
    expect(new ShopperSessionError('timeout', 't').transient).toBe(true)
    expect(new ShopperSessionError('invalid_grant', 'g').transient).toBe(false)
    const error: unknown = new ShopperSessionError('network', 'n')
    expect(isShopperSessionError(error, 'network', 'timeout')).toBe(true)
    expect(isShopperSessionError(error, 'timeout')).toBe(false)
    expect(isErrorCode('network')).toBe(true)
    expect(isErrorCode('nope')).toBe(false)
  })
})
