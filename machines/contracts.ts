/**
 * What the session machines and their actor implementations agree on: the token set, the error
 * data, the events, the tags and the retry policy. Plain data only: no functions, no `Error`
 * objects, no clock. `src/actors.ts` fills the actor slots with real implementations.
 *
 * @module
 */
import type { ErrorCode } from '../src/errors.ts'

/** Guest or registered shopper. */
export type CustomerType = 'guest' | 'registered'

/**
 * A token set as the session keeps it. Times are measured on the client's clock at receipt,
 * from `expires_in` and `refresh_token_expires_in`, so a client clock that is hours off changes
 * nothing (the JWT's `exp` is server time and is never compared with the local clock).
 */
export interface SessionTokens {
  accessToken: string
  refreshToken: string
  customerType: CustomerType
  /** Guest or registered customer id (`customer_id`). */
  customerId: string
  /** The SLAS unique shopper id; kept from guest to registered. */
  usid: string
  /** Registered shoppers: the login id (`isb` upn). */
  loginId?: string
  /** Absolute access-token expiry, client clock (ms). */
  accessExpiresAt: number
  /** The access token's lifetime as SLAS gave it (`expires_in`, ms); unknown for old records. */
  accessLifetimeMs?: number
  /** Absolute refresh-token expiry, client clock (ms). */
  refreshExpiresAt: number
  /** From the moment these were measured: ms until the proactive refresh (expiry minus leeway). */
  refreshInMs: number
  /** From the moment these were measured: ms until the access token expires. */
  expiresInMs: number
}

/** A token set as stored: without the timing fields, which only hold at the moment measured. */
export type StoredTokens = Omit<SessionTokens, 'refreshInMs' | 'expiresInMs'>

/**
 * Refresh timing for tokens measured at `now`: the delay to the proactive refresh (expiry minus
 * leeway) and to expiry. A fresh token is never refreshed before half its life, so a leeway as
 * long as the lifetime cannot turn into a refresh loop.
 */
export function measure(
  tokens: StoredTokens,
  now: number,
  leewayMs: number,
  fresh = false,
): SessionTokens {
  const expiresInMs = tokens.accessExpiresAt - now
  const refreshInMs = fresh
    ? Math.max(expiresInMs - leewayMs, expiresInMs / 2)
    : expiresInMs - leewayMs
  return { ...tokens, expiresInMs, refreshInMs }
}

/** An error as machines keep it: plain data from `ShopperSessionError.toJSON()`. */
export interface SessionError {
  code: ErrorCode
  message: string
  status?: number
  operation?: string
  /** The server asked to wait this long before retrying (`Retry-After`). */
  retryAfterMs?: number
}

/** Bounded exponential backoff for transient failures. */
export interface RetryPolicy {
  /** First retry delay (ms). */
  baseDelayMs: number
  /** Longest delay between two attempts (ms). */
  maxDelayMs: number
  /** Attempts after the first failure before waiting for a trigger (online, visibility, a caller). */
  maxAttempts: number
}

/** The default retry policy: 1 s, doubling, at most 60 s apart, 8 automatic retries. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxAttempts: 8,
}

/** Tags the UI reads (never state paths). */
export type SessionTag =
  | 'guest'
  | 'registered'
  | 'tokenValid'
  | 'busy'
  | 'stale'
  | 'reauthRequired'
  | 'unavailable'

/** Error codes after which retrying the same request can succeed. */
export const TRANSIENT_ERROR_CODES: readonly ErrorCode[] = [
  'network',
  'timeout',
  'server_error',
  'rate_limited',
  'maintenance',
  'invalid_response',
]

/** Whether `error` is worth retrying later. */
export function isTransientError(error: SessionError | undefined): boolean {
  return error !== undefined && TRANSIENT_ERROR_CODES.includes(error.code)
}

/**
 * The delay before retry number `attempt` (1-based): exponential from `baseDelayMs`, capped at
 * `maxDelayMs`, never shorter than the server's `Retry-After`. Jitter is added by the provider of
 * the `retryBackoff` delay (`src/actors.ts`), so the machines stay deterministic.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1)
  return Math.max(retryAfterMs ?? 0, Math.min(policy.maxDelayMs, exponential))
}

/** Longest delay timers accept (2³¹−1 ms); longer waits are clamped to it. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647

/** Clamps a delay to what `setTimeout` accepts. */
export function clampDelay(ms: number): number {
  if (!Number.isFinite(ms)) return MAX_TIMER_DELAY_MS
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(0, Math.round(ms)))
}
