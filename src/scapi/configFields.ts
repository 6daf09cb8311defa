/**
 * The config fields of the clients that keep zod schemas (SCAPI, Account Manager, the password
 * reset service), made from the plain rules in `configRules.ts` that the SLAS config (and so the
 * browser session) checks directly: each field rule and its wording exist once. Also
 * `parseConfig`, which turns a zod mismatch into the same `invalid_config` error as
 * `checkFields`.
 *
 * @module
 */
import type { $ZodType, output } from 'zod/v4/core'
import * as z from 'zod/mini'
import { configError } from '../validation/checkFields.ts'
import { stringRecord as stringRecordRule } from '../validation/objects.ts'
import { isFunction } from '../validation/rules.ts'
import { fromRule, text } from './checks.ts'
import {
  baseUrlRule,
  headerSecretRule,
  headersRule,
  organizationIdRule,
  requestTimeoutRule,
  shortCodeRule,
} from './configRules.ts'
import { type IssueDetails, parseOrThrow } from './issues.ts'

// What the zod configs share with the SLAS one, where those clients have always found it.
export { apiOrigin, lazyFetch } from './configRules.ts'

/** A required string of 1..`max` characters. */
export const nonEmpty: (max: number) => ReturnType<typeof text> = text

/** A secret that travels in a header: 1..`max` characters, no control characters. */
export const headerSecret = (max: number) => fromRule<string>(headerSecretRule(max))

/** An http(s) base URL (optionally with a path prefix) without credentials, query or hash. */
export const baseUrlField = z.optional(fromRule<string>(baseUrlRule))

/**
 * A plain object of strings, as `z.record(z.string(), z.string())` checks it (without zod's
 * record class). `reasonFor` may refuse an entry: its reason is reported under the entry's key;
 * values are never echoed.
 */
export function stringRecord(reasonFor?: (key: string, value: string) => string | undefined) {
  return fromRule<Record<string, string>>(stringRecordRule(reasonFor))
}

/** `timeoutMs`: a per-request deadline, 1 ms up to what timers accept. */
export const requestTimeoutField = z.optional(fromRule<number>(requestTimeoutRule))

/**
 * The fields every client config accepts the same way (the SLAS config lists the same rules in
 * `SLAS_CONFIG_RULES`).
 */
export const commonConfigFields = {
  shortCode: z.optional(fromRule<string>(shortCodeRule)),
  baseUrl: baseUrlField,
  organizationId: fromRule<string>(organizationIdRule),
  fetch: z.optional(fromRule<typeof fetch>(isFunction)),
  headers: z.optional(fromRule<Record<string, string>>(headersRule)),
  timeoutMs: requestTimeoutField,
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
