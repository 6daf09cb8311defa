import { describe, expect, it } from 'vitest'
import { ShopperSessionError } from '../../src/errors.ts'
import { checkForLeaks, recordError } from './secretGuard.ts'
import { registerSecret } from './secrets.ts'

describe('secret guard', () => {
  it('fails when a known secret reaches the console', () => {
    const unregister = registerSecret('planted-refresh-token-0001')
    try {
      console.info('refreshing with', 'planted-refresh-token-0001')
      expect(() => checkForLeaks()).toThrow(/secret guard: 1 secret/)
    } finally {
      unregister()
    }
  })

  it('fails when a known secret is inside a recorded error', () => {
    const unregister = registerSecret('planted-password-0002')
    try {
      recordError(new ShopperSessionError('invalid_credentials', 'bad planted-password-0002'))
      expect(() => checkForLeaks()).toThrow(/secret guard/)
    } finally {
      unregister()
    }
  })

  it('passes clean output', () => {
    const unregister = registerSecret('planted-secret-0003')
    try {
      console.info('nothing to see')
      recordError(new ShopperSessionError('network', 'fetch failed'))
      expect(() => checkForLeaks()).not.toThrow()
    } finally {
      unregister()
    }
  })
})
