/**
 * What the SLAS, SCAPI and Account Manager configs share: the field checks, the API origin, the
 * lazy global fetch and the `invalid_config` error that names the bad field.
 *
 * @module
 */
import * as z from 'zod/mini'
import { ShopperSessionError } from '../errors.ts'
import { holds, matches, text } from './checks.ts'
import { describeFirstIssue, type IssueDetails } from './issues.ts'

// Limits from the SLAS reference (section a.1) and the OpenAPI parameters.
const ORGANIZATION_ID = /^f_ecom_[a-z]{4}_(?:prd|stg|dev|s\d{2}|\d{3})$/
const SHORT_CODE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
// Header values may not carry control characters; fetch would throw with the value in its message.
const HEADER_SAFE = /^[^\0-\x1f\x7f]*$/

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/** True when `value` parses as an absolute URL. */
export function parsesAsUrl(value: string): boolean {
  return parseUrl(value) !== undefined
}

function isHttpBase(value: string): boolean {
  const url = parseUrl(value)
  return (
    /^https?:$/.test(url?.protocol ?? '') &&
    !(url?.username || url?.password || url?.search || url?.hash)
  )
}

/** A required string of 1..`max` characters. */
export const nonEmpty = (max: number) => text(max)

/** A secret that travels in a header: 1..`max` characters, no control characters. */
export const headerSecret = (max: number) =>
  nonEmpty(max).check(matches(HEADER_SAFE, 'must not contain control characters'))

/** An http(s) base URL (optionally with a path prefix) without credentials, query or hash. */
export const baseUrlField = z.optional(
  z
    .string()
    .check(holds(isHttpBase, 'must be an http(s) URL without credentials, query or hash')),
)

/**
 * A plain object of strings, checked as `z.record(z.string(), z.string())` would be but without
 * zod's record class in the browser bundle (0.6 KiB gzip). `reasonFor` may refuse an entry: its
 * reason is reported under the entry's key; values are never echoed.
 */
export function stringRecord(reasonFor?: (key: string, value: string) => string | undefined) {
  return z
    .custom<Record<string, string>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      'must be an object',
    )
    .check(
      z.check((payload) => {
        for (const [key, value] of Object.entries(payload.value)) {
          const reason = typeof value !== 'string' ? 'must be a string' : reasonFor?.(key, value)
          if (reason !== undefined) {
            payload.issues.push({ code: 'custom', message: reason, path: [key], input: value })
          }
        }
      }),
    )
}

/** The fields every client config accepts the same way. */
export const commonConfigFields = {
  shortCode: z.optional(
    z.string().check(matches(SHORT_CODE, 'must be a host name label like kv7kzm78')),
  ),
  baseUrl: baseUrlField,
  // The pattern also bounds the length (at most 15 characters).
  organizationId: z.string().check(matches(ORGANIZATION_ID, 'must look like f_ecom_abcd_001')),
  fetch: z.optional(
    z.custom<typeof fetch>((value) => typeof value === 'function', 'must be a function'),
  ),
  headers: z.optional(stringRecord()),
}

/** `invalid_config` for the config called `label`, e.g. `Invalid SLAS client config: ...`. */
export function configError(label: string, reason: string): ShopperSessionError {
  return new ShopperSessionError('invalid_config', `Invalid ${label}: ${reason}`)
}

/**
 * Validates `config` against `schema`; the error names the first bad field and never echoes a
 * value (one of them may be a secret). `details`: see `describeFirstIssue`.
 */
export function parseConfig<S extends z.ZodMiniType>(
  label: string,
  schema: S,
  config: unknown,
  details?: IssueDetails,
): z.output<S> {
  if (typeof config !== 'object' || config === null) {
    throw configError(label, '(root): must be an object')
  }
  const result = schema.safeParse(config)
  if (result.success) return result.data
  throw configError(label, describeFirstIssue(result.error.issues, config, details))
}

/**
 * `baseUrl` without its trailing slashes, else
 * `https://{shortCode}.api.commercecloud.salesforce.com`; `invalid_config` when neither is set.
 */
export function apiOrigin(
  label: string,
  value: { shortCode?: string | undefined; baseUrl?: string | undefined },
): string {
  if (value.baseUrl !== undefined) return value.baseUrl.replace(/\/+$/, '')
  if (value.shortCode === undefined) {
    throw configError(label, 'shortCode: is required unless baseUrl is set')
  }
  return `https://${value.shortCode}.api.commercecloud.salesforce.com`
}

/** The configured fetch, or one that reads `globalThis.fetch` at call time. */
export function lazyFetch(userFetch: typeof fetch | undefined): typeof fetch {
  // Read the global lazily so test spies and late polyfills apply (style practice 5).
  return userFetch ?? ((input, init) => globalThis.fetch(input, init))
}
