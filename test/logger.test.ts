import { describe, expect, it } from 'vitest'
import { createSafeLogger } from '../src/logger.ts'

const JWT =
  'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjYy1zbGFzOjp6enRlXzAwMSIsImlzYiI6InVpZG86c2xhcyJ9.c2lnbmF0dXJlc2lnbmF0dXJl'

describe('createSafeLogger', () => {
  it('redacts tokens and secret-named fields in messages and data', () => {
    const lines: unknown[][] = []
    const log = createSafeLogger({ warn: (...args: unknown[]) => lines.push(args) })
    log.warn(`refresh failed for ${JWT}`, { refreshToken: 'abc', nested: { password: 'p', usid: 'u1' } })
    expect(JSON.stringify(lines)).not.toContain(JWT)
    expect(lines[0]?.[1]).toEqual({ refreshToken: '[redacted]', nested: { password: '[redacted]', usid: 'u1' } })
  })

  it('ignores missing levels and never lets a throwing logger break the caller', () => {
    const log = createSafeLogger({
      error: () => {
        throw new Error('logger down')
      },
    })
    expect(() => log.error('x')).not.toThrow()
    expect(() => log.info('x')).not.toThrow()
    expect(() => createSafeLogger(undefined).debug('x', { a: 1 })).not.toThrow()
  })
})
