/**
 * A cached JSON Web Key Set: fetched once, kept `maxAgeMs`, fetched again for a key id it lacks
 * (SLAS rotates its signing keys), and never more than once per `cooldownMs` (SLAS allows 25 JWKS
 * calls a minute). When a fetch fails, keys already known go on being used: a JWKS outage must
 * not turn into logged-out shoppers.
 *
 * @module
 */
import { createLocalJWKSet, type JSONWebKeySet } from 'jose'

/** The keys of one fetched set, as jose's key lookup plus the key ids it holds. */
export interface KeySet {
  /** jose's lookup (by `kid` and `alg`) for `compactVerify`. */
  readonly lookup: ReturnType<typeof createLocalJWKSet>
  /** Whether the set has a key with this id (a token without `kid` counts as found). */
  has(kid: string | undefined): boolean
}

/** Why {@link JwksCache.keysFor} found no key. */
export type MissingKey =
  /** A set fetched for this very call lacks the key id: the token was not signed by the issuer. */
  | 'unknown'
  /** The key id is missing and a fetch was tried too recently to try again. */
  | 'coolingDown'

/** Thrown by {@link JwksCache.keysFor} when no set holds the token's key id. */
export class MissingKeyError extends Error {
  /** Whether the key is known to be missing, or could not be looked for yet. */
  readonly reason: MissingKey

  constructor(reason: MissingKey) {
    super(reason === 'unknown' ? 'no such signing key' : 'signing key not known yet')
    this.name = 'MissingKeyError'
    this.reason = reason
  }
}

/** Options of {@link createJwksCache}. */
export interface JwksCacheOptions {
  /**
   * Fetches the set; its rejection (or an empty set) reaches callers only when no usable keys
   * are known.
   */
  load: () => Promise<JSONWebKeySet>
  /** How long a fetched set is used before it is fetched again. Default 10 minutes. */
  maxAgeMs?: number
  /** Least time between two fetches, failed ones included. Default 10 s. */
  cooldownMs?: number
}

/** A cached key set (see the module comment). */
export interface JwksCache {
  /**
   * The keys to verify a token whose header names `kid`, at time `now` (epoch ms, the caller's
   * clock). Rejects with the fetch's error when no usable keys are known, or with
   * {@link MissingKeyError} when the set lacks `kid`.
   */
  keysFor(kid: string | undefined, now: number): Promise<KeySet>
}

function toKeySet(jwks: JSONWebKeySet): KeySet {
  // An empty set would refuse every token: a failed fetch, not a verdict on tokens.
  if (jwks.keys.length === 0) throw new Error('the key set is empty')
  const kids = new Set(jwks.keys.map((key) => key.kid))
  return { lookup: createLocalJWKSet(jwks), has: (kid) => kid === undefined || kids.has(kid) }
}

/** Creates a cache (see the module comment). Concurrent callers share one fetch. */
export function createJwksCache(options: JwksCacheOptions): JwksCache {
  const { load, maxAgeMs = 600_000, cooldownMs = 10_000 } = options
  let known: { keys: KeySet; fetchedAt: number } | undefined
  let flight: Promise<KeySet> | undefined
  let lastAttempt: { at: number; error?: unknown } | undefined
  // A clock that went back counts as time passed: better one fetch too many than none at all.
  const passed = (since: number, now: number, span: number) => now - since >= span || now < since

  const fetchKeys = (now: number): Promise<KeySet> => {
    if (!flight) {
      lastAttempt = { at: now }
      const attempt = lastAttempt
      const run = async () => {
        try {
          const keys = toKeySet(await load())
          known = { keys, fetchedAt: now }
          return keys
        } catch (error) {
          attempt.error = error
          throw error
        }
      }
      // `finally` runs as a reaction, so after `flight` is set even when `load` throws at once.
      flight = run().finally(() => {
        flight = undefined
      })
    }
    return flight
  }

  return {
    async keysFor(kid, now) {
      const cached = known
      const fresh = cached !== undefined && !passed(cached.fetchedAt, now, maxAgeMs)
      if (cached && fresh && cached.keys.has(kid)) return cached.keys
      const mayFetch =
        flight !== undefined || !lastAttempt || passed(lastAttempt.at, now, cooldownMs)
      if (!mayFetch) {
        // Fetched (or tried) moments ago: use what is known, or say why not.
        if (cached?.keys.has(kid)) return cached.keys
        if (cached || lastAttempt?.error === undefined) throw new MissingKeyError('coolingDown')
        throw lastAttempt.error
      }
      let keys: KeySet
      try {
        keys = await fetchKeys(now)
      } catch (error) {
        // Stale keys beat no keys: a JWKS outage must not fail tokens we can still check.
        if (cached?.keys.has(kid)) return cached.keys
        throw error
      }
      if (!keys.has(kid)) throw new MissingKeyError('unknown')
      return keys
    },
  }
}
