import { describe, expect, it } from 'vitest'
import { describeSecret, findLeaks, knownSecrets, registerSecretSource } from './secrets.ts'

describe('secret registry', () => {
  it('finds a registered secret inside log text', () => {
    expect(findLeaks('token=eyJhbGciOi.abc.def end', ['eyJhbGciOi.abc.def'])).toEqual([
      'eyJhbGciOi.abc.def',
    ])
  })

  it('ignores values too short to tell apart from ordinary text', () => {
    expect(findLeaks('a 12345 b', ['12345'])).toEqual([])
  })

  it('reads live sources every time', () => {
    const issued: string[] = []
    const unregister = registerSecretSource(() => issued)
    issued.push('refresh-token-value')
    expect(knownSecrets().has('refresh-token-value')).toBe(true)
    unregister()
    expect(knownSecrets().has('refresh-token-value')).toBe(false)
  })

  it('describes a secret without revealing it', () => {
    expect(describeSecret('supersecretvalue')).toBe('sup… (16 chars)')
  })
})
