/**
 * What the SLAS, SCAPI and Account Manager configs share, as plain rules: the field rules (the
 * SLAS config checks them directly; the zod configs of the other clients wrap the same rules in
 * `configFields.ts`), the API origin and the fetch with its per-request deadline. Limits come
 * from the parameters of the SLAS and SCAPI OpenAPI files. `fetch` is checked with `isFunction`
 * of the rules module.
 *
 * @module
 */
import { withTimeout } from '../../adapters/fetch/timeout.ts'
import { configError } from '../validation/checkFields.ts'
import { stringRecord } from '../validation/objects.ts'
import { all, holds, integer, matching, type Rule, stringThat, text } from '../validation/rules.ts'

/** True when `value` parses as an absolute URL (for which `test` holds, when given). */
export function parsesAsUrl(value: string, test?: (url: URL) => boolean): boolean {
  try {
    const url = new URL(value)
    return test?.(url) ?? true
  } catch {
    return false
  }
}

/** `shortCode`: a host name label, e.g. `kv7kzm78`. */
export const shortCodeRule: Rule = matching(
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i,
  'must be a host name label like kv7kzm78',
)

/** `organizationId`: `f_ecom_{realm}_{instance}`; the pattern also bounds the length (15). */
export const organizationIdRule: Rule = matching(
  /^f_ecom_[a-z]{4}_(?:prd|stg|dev|s\d{2}|\d{3})$/,
  'must look like f_ecom_abcd_001',
)

/** `baseUrl`: an http(s) URL (optionally with a path prefix) without credentials, query or hash. */
export const baseUrlRule: Rule = stringThat(
  (value) =>
    parsesAsUrl(
      value,
      ({ protocol, username, password, search, hash }) =>
        /^https?:$/.test(protocol) && !(username || password || search || hash),
    ),
  'must be an http(s) URL without credentials, query or hash',
)

/** A secret that travels in a header: 1..`max` characters, no control characters. */
export function headerSecretRule(max: number): Rule {
  // fetch would throw on a control character, with the value (a secret) in its message.
  return all(text(max), matching(/^[^\0-\x1f\x7f]*$/, 'must not contain control characters'))
}

/** `headers`: a plain object of strings (values are never quoted). */
export const headersRule: Rule = stringRecord()

/** `scheme://host[:port]` as `URL.origin` writes it: no path, query, credentials or wildcard. */
function isExactOrigin(value: unknown): boolean {
  // URL parsing takes `*` as a host character: a wildcard would be one literal host.
  if (typeof value !== 'string' || value.includes('*')) return false
  try {
    return new URL(value).origin === value
  } catch {
    return false
  }
}

/** `trustedOrigins`: the other origins a session may send its token to, each exact. */
export const trustedOriginsRule: Rule = holds(
  (value) => Array.isArray(value) && value.every(isExactOrigin),
  'must be a list of exact origins such as https://api.shop.example.com',
)

/** How long one request may take by default (ms): then it is aborted and reported as `timeout`. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/** `timeoutMs`: a per-request deadline, 1 ms up to what timers accept. */
export const requestTimeoutRule: Rule = integer(1, 2_147_483_647)

/**
 * `baseUrl` without its trailing slashes, else
 * `https://{shortCode}.api.commercecloud.salesforce.com`; `invalid_config` when neither is set,
 * or both.
 */
export function apiOrigin(
  label: string,
  value: { shortCode?: string | undefined; baseUrl?: string | undefined },
): string {
  const { baseUrl, shortCode } = value
  if (baseUrl !== undefined && shortCode !== undefined) {
    // Either names the API; with both, one would be ignored without a word.
    throw configError(label, 'shortCode: give shortCode or baseUrl, not both')
  }
  if (baseUrl !== undefined) return baseUrl.replace(/\/+$/, '')
  if (shortCode === undefined) {
    throw configError(label, 'shortCode: is required unless baseUrl is set')
  }
  return `https://${shortCode}.api.commercecloud.salesforce.com`
}

/**
 * The configured fetch, or one that reads `globalThis.fetch` at call time, with a deadline of
 * `timeoutMs` (default {@link DEFAULT_REQUEST_TIMEOUT_MS}) on every request: a server that never
 * answers must not hold a caller, or a refresh lock, for minutes.
 */
export function lazyFetch(userFetch: typeof fetch | undefined, timeoutMs?: number): typeof fetch {
  // Read the global lazily so test spies and late polyfills apply.
  const fetchFn = userFetch ?? ((input, init) => globalThis.fetch(input, init))
  return withTimeout(fetchFn, timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)
}
