/**
 * The plain `fetch` adapter: the platform's own `fetch`, looked up at call time.
 *
 * @module
 */

/**
 * A `typeof fetch` that calls `globalThis.fetch` when invoked, not when created, so test spies,
 * fake servers and late polyfills always apply. It adds nothing: no retries, no defaults, the abort
 * signal and `redirect` mode pass through as given.
 *
 * @example
 * ```ts
 * import { createNativeFetch } from 'shopper-session/adapters/fetch/native'
 * const config = { ...slasConfig, fetch: createNativeFetch() }
 * ```
 */
export function createNativeFetch(): typeof fetch {
  return (input, init) => globalThis.fetch(input, init)
}
