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

describe('errors of another copy of the library', () => {
  it('isShopperSessionError and instanceof hold across copies (ESM and CJS builds, two versions)', async () => {
    // A second instance of the module, as an app that loads both builds gets.
    const specifier = '../src/errors.ts?second-copy'
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('../src/errors.ts')
    expect(copy.ShopperSessionError).not.toBe(ShopperSessionError)
    const foreign = new copy.ShopperSessionError('network', 'from the other copy')
    expect(isShopperSessionError(foreign, 'network')).toBe(true)
    expect(foreign instanceof ShopperSessionError).toBe(true)
    expect(copy.isShopperSessionError(new ShopperSessionError('timeout', 'ours'), 'timeout')).toBe(
      true,
    )
  })

  it('look-alikes without the brand are not ShopperSessionErrors', () => {
    const plain = { name: 'ShopperSessionError', code: 'network', message: 'copied' }
    expect(isShopperSessionError(plain)).toBe(false)
    expect(plain instanceof ShopperSessionError).toBe(false)
    expect(isShopperSessionError(new Error('x'))).toBe(false)
  })
})
