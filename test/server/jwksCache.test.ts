/**
 * The JWKS cache: one fetch for many callers, kept `maxAgeMs`, fetched again for an unknown key
 * id but at most once per `cooldownMs`, and known keys kept through a failed fetch.
 */
import type { JSONWebKeySet } from 'jose'
import { describe, expect, it } from 'vitest'
import { createJwksCache, MissingKeyError } from '../../src/server/jwksCache.ts'

const set = (...kids: string[]): JSONWebKeySet => ({
  keys: kids.map((kid) => ({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid })),
})

/** A cache over `answers` (one per fetch; an Error rejects), counting fetches. */
function cacheOf(answers: Array<JSONWebKeySet | Error>) {
  let fetches = 0
  const cache = createJwksCache({
    maxAgeMs: 60_000,
    cooldownMs: 10_000,
    load: async () => {
      const answer = answers[Math.min(fetches++, answers.length - 1)]
      if (!answer || answer instanceof Error) throw answer ?? new Error('no answer')
      return answer
    },
  })
  return { cache, fetches: () => fetches }
}

const missing = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(MissingKeyError)
  return (error as MissingKeyError).reason
}

describe('createJwksCache', () => {
  it('concurrent and later callers share one fetch while the set is fresh', async () => {
    const { cache, fetches } = cacheOf([set('a')])
    const found = await Promise.all(Array.from({ length: 10 }, () => cache.keysFor('a', 0)))
    expect(new Set(found).size).toBe(1)
    await cache.keysFor('a', 59_999)
    await cache.keysFor(undefined, 59_999) // no kid: the set decides
    expect(fetches()).toBe(1)
  })

  it('fetches again once the set is older than maxAgeMs', async () => {
    const { cache, fetches } = cacheOf([set('a'), set('a', 'b')])
    await cache.keysFor('a', 0)
    const later = await cache.keysFor('a', 60_000)
    expect(fetches()).toBe(2)
    expect(later.has('b')).toBe(true)
  })

  it('an unknown kid: fetched again after the cooldown, found or finally unknown', async () => {
    const { cache, fetches } = cacheOf([set('a'), set('a', 'b'), set('a', 'b')])
    await cache.keysFor('a', 0)
    // Within the cooldown: not fetched, and not a verdict either.
    expect(await missing(cache.keysFor('b', 5_000))).toBe('coolingDown')
    expect(fetches()).toBe(1)
    expect((await cache.keysFor('b', 10_000)).has('b')).toBe(true)
    expect(fetches()).toBe(2)
    expect(await missing(cache.keysFor('c', 20_000))).toBe('unknown')
    expect(fetches()).toBe(3)
  })

  it('a failed fetch keeps the known keys for the kids they hold', async () => {
    const down = new Error('503')
    const { cache, fetches } = cacheOf([set('a'), down, down])
    await cache.keysFor('a', 0)
    // Stale, the refetch fails: the known keys still serve.
    expect((await cache.keysFor('a', 70_000)).has('a')).toBe(true)
    expect(fetches()).toBe(2)
    // An unknown kid cannot be decided without the keys: the fetch's error.
    await expect(cache.keysFor('b', 80_000)).rejects.toBe(down)
    expect(fetches()).toBe(3)
  })

  it('with no keys at all, a failure is repeated within the cooldown without fetching', async () => {
    const down = new Error('network')
    const { cache, fetches } = cacheOf([down, set('a')])
    await expect(cache.keysFor('a', 0)).rejects.toBe(down)
    await expect(cache.keysFor('a', 9_999)).rejects.toBe(down)
    expect(fetches()).toBe(1)
    expect((await cache.keysFor('a', 10_000)).has('a')).toBe(true)
    expect(fetches()).toBe(2)
  })

  it('a loader that throws at once fails that fetch only', async () => {
    let calls = 0
    const cache = createJwksCache({
      cooldownMs: 10_000,
      load: () => {
        if (calls++ === 0) throw new Error('sync')
        return Promise.resolve(set('a'))
      },
    })
    await expect(cache.keysFor('a', 0)).rejects.toThrow('sync')
    expect((await cache.keysFor('a', 10_000)).has('a')).toBe(true)
  })

  it('an empty key set counts as a failed fetch', async () => {
    const { cache } = cacheOf([set()])
    await expect(cache.keysFor('a', 0)).rejects.toThrow('empty')
  })

  it('a clock that goes back counts as time passed', async () => {
    const { cache, fetches } = cacheOf([set('a'), set('a', 'b')])
    await cache.keysFor('a', 100_000)
    expect((await cache.keysFor('b', 0)).has('b')).toBe(true)
    expect(fetches()).toBe(2)
  })
})
