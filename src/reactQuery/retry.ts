/**
 * The query layer's retry rule: a few retries of a failure that may pass by itself, never of
 * anything the session already handled or the server meant.
 *
 * @module
 */
import { type ErrorCode, isShopperSessionError } from '../errors.ts'

/** Retries after the first failure, at most (TanStack's default delay: 1 s, then 2 s). */
export const MAX_RETRIES = 2

// A 401 is the session's: its fetch refreshes and retries once, and a second 401 is final.
// `rate_limited` and `maintenance` ask the caller to wait longer than a query should; 4xx stay.
const RETRIED: readonly ErrorCode[] = ['network', 'timeout', 'server_error']

/**
 * The `retry` of every shopper query: `true` for the first {@link MAX_RETRIES} failures with code
 * `network`, `timeout` or `server_error`, `false` for everything else (auth codes included).
 *
 * @example
 * ```ts
 * new QueryClient({ defaultOptions: { queries: { retry: retryTransient } } }) // for your own queries
 * ```
 */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isShopperSessionError(error, ...RETRIED)
}
