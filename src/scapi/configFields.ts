/**
 * What the SLAS, SCAPI and Account Manager configs share: the field checks, the API origin, the
 * lazy global fetch and the `invalid_config` error that names the bad field.
 *
 * @module
 */
import type { $ZodType, output } from 'zod/v4/core'
import { ShopperSessionError } from '../errors.ts'
import { withTimeout } from '../../adapters/fetch/timeout.ts'
import { check, custom, holds, int, matches, optional, string, text, withChecks } from './checks.ts'
import { type IssueDetails, parseOrThrow } from './issues.ts'

/** True when `value` parses as an absolute URL (for which `test` holds, when given). */
export function parsesAsUrl(value: string, test?: (url: URL) => boolean): boolean {
  try {
    const url = new URL(value)
    return test?.(url) ?? true
  } catch {
    return false
  }
}

/** A required string of 1..`max` characters. */
export const nonEmpty: (max: number) => ReturnType<typeof text> = text

/** A secret that travels in a header: 1..`max` characters, no control characters. */
export const headerSecret = (max: number) =>
  // fetch would throw on a control character, with the value (a secret) in its message.
  withChecks(text(max), matches(/^[^\0-\x1f\x7f]*$/, 'must not contain control characters'))

/** An http(s) base URL (optionally with a path prefix) without credentials, query or hash. */
export const baseUrlField = optional(
  string(
    holds(
      (value: string) =>
        parsesAsUrl(
          value,
          ({ protocol, username, password, search, hash }) =>
            /^https?:$/.test(protocol) && !(username || password || search || hash),
        ),
      'must be an http(s) URL without credentials, query or hash',
    ),
  ),
)

/**
 * A plain object of strings, checked as `z.record(z.string(), z.string())` would be but without
 * zod's record class in the browser bundle (0.6 KiB gzip). `reasonFor` may refuse an entry: its
 * reason is reported under the entry's key; values are never echoed.
 */
export function stringRecord(reasonFor?: (key: string, value: string) => string | undefined) {
  return withChecks(
    custom<Record<string, string>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      'must be an object',
    ),
    check((payload) => {
      for (const [key, value] of Object.entries(payload.value)) {
        const reason = typeof value !== 'string' ? 'must be a string' : reasonFor?.(key, value)
        if (reason !== undefined) {
          payload.issues.push({ code: 'custom', message: reason, path: [key], input: value })
        }
      }
    }),
  )
}

/** How long one request may take by default (ms): then it is aborted and reported as `timeout`. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/** `timeoutMs`: a per-request deadline, 1 ms up to what timers accept. */
export const requestTimeoutField = optional(int(1, 2_147_483_647))

/**
 * The fields every client config accepts the same way (limits from the SLAS reference, section
 * a.1, and the OpenAPI parameters).
 */
export const commonConfigFields = {
  shortCode: optional(
    string(
      matches(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i, 'must be a host name label like kv7kzm78'),
    ),
  ),
  baseUrl: baseUrlField,
  // The pattern also bounds the length (at most 15 characters).
  organizationId: string(
    matches(/^f_ecom_[a-z]{4}_(?:prd|stg|dev|s\d{2}|\d{3})$/, 'must look like f_ecom_abcd_001'),
  ),
  fetch: optional(
    custom<typeof fetch>((value) => typeof value === 'function', 'must be a function'),
  ),
  headers: optional(stringRecord()),
  timeoutMs: requestTimeoutField,
}

/** `invalid_config` for the config called `label`, e.g. `Invalid SLAS client config: ...`. */
export function configError(label: string, reason: string): ShopperSessionError {
  return new ShopperSessionError('invalid_config', `Invalid ${label}: ${reason}`)
}

/**
 * Validates `config` against `schema`; the error names the first bad field and never echoes a
 * value (one of them may be a secret). `details`: see `parseOrThrow`.
 */
export function parseConfig<S extends $ZodType>(
  label: string,
  schema: S,
  config: unknown,
  details?: IssueDetails,
): output<S> {
  if (typeof config !== 'object' || config === null) {
    throw configError(label, '(root): must be an object')
  }
  return parseOrThrow(schema, config, (reason) => configError(label, reason), details)
}

/**
 * `baseUrl` without its trailing slashes, else
 * `https://{shortCode}.api.commercecloud.salesforce.com`; `invalid_config` when neither is set.
 */
export function apiOrigin(
  label: string,
  value: { shortCode?: string | undefined; baseUrl?: string | undefined },
): string {
  const { baseUrl, shortCode } = value
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
