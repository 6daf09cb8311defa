/**
 * The Account Manager token of a password reset service: fetched once, reused until shortly
 * before it expires, and shared by concurrent callers (one token request however many resets
 * run at once). Account Manager rate-limits its token endpoint and a token lives ~30 minutes, so
 * asking per reset would be both slow and risky.
 *
 * @module
 */
import type { AccountManagerToken } from '../../scapi/accountManager.ts'

/** A token handed out by the cache. */
export interface HeldAmToken {
  /** The Bearer token. Never log it. */
  token: string
  /**
   * True when this caller's own request (or one it joined) fetched the token: a 401 with it is
   * not a stale cache, so retrying with another token would not help.
   */
  fresh: boolean
}

/** The cache. */
export interface AmTokenCache {
  /** The cached token while it is usable, else one fetch shared by every concurrent caller. */
  get(): Promise<HeldAmToken>
  /** Forgets `token` (SCAPI refused it) unless a newer one replaced it meanwhile. */
  drop(token: string): void
}

/** Options of {@link createAmTokenCache}. */
export interface AmTokenCacheOptions {
  /** Fetches a new token. */
  fetchToken: () => Promise<AccountManagerToken>
  /** The clock (epoch ms). */
  now: () => number
  /**
   * How long before expiry a token stops being used (ms); default 60 000, at most half its
   * lifetime so a short-lived token is still reused.
   */
  leewayMs?: number
}

/**
 * Creates the cache. Expiry is measured from `expires_in` at receipt on the service's clock, so a
 * server clock far off Account Manager's changes nothing. A failed fetch is not remembered: the
 * next caller tries again.
 */
export function createAmTokenCache(options: AmTokenCacheOptions): AmTokenCache {
  const { fetchToken, now } = options
  const leewayMs = options.leewayMs ?? 60_000
  let held: { token: string; usableUntil: number } | undefined
  let pending: Promise<string> | undefined

  const refetch = (): Promise<string> => {
    const flight = Promise.resolve()
      .then(fetchToken)
      .then((answer) => {
        const lifetimeMs = answer.expires_in * 1000
        const usableUntil = now() + lifetimeMs - Math.min(leewayMs, lifetimeMs / 2)
        held = { token: answer.access_token, usableUntil }
        return answer.access_token
      })
      .finally(() => {
        if (pending === flight) pending = undefined
      })
    pending = flight
    return flight
  }

  return {
    async get() {
      if (held !== undefined && now() < held.usableUntil) return { token: held.token, fresh: false }
      return { token: await (pending ?? refetch()), fresh: true }
    },
    drop(token) {
      if (held?.token === token) held = undefined
    },
  }
}
