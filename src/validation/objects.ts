/**
 * Objects checked field by field with plain rules (see `rules.ts`): nested objects, string
 * records, the list of bad fields and the `path: reason` line an error message carries.
 *
 * @example
 * ```ts
 * const rules = { retry: optional(fields({ maxAttempts: optional(integer(0, 100)) })) }
 * checkRecord(rules, { retry: { maxAttempts: 101 } }, (reason) => new Error(reason))
 * // throws Error('retry.maxAttempts: must be at most 100')
 * ```
 *
 * @module
 */
import type { PartRefusal, Refusal, Rule } from './rules.ts'

/**
 * One rule per field of `T`, every field named (the compiler reports a forgotten one). Fields not
 * named are ignored when checking and left out when reading, as a stripping schema would.
 */
export type FieldRules<T> = { readonly [K in keyof T]-?: Rule }

/** True for an object that is not `null` and not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `refusal` as seen from the object that holds the refused value under `key`. */
export function inside(key: string | number, refusal: Refusal): PartRefusal {
  return typeof refusal === 'string'
    ? { path: [key], reason: refusal }
    : { path: [key, ...refusal.path], reason: refusal.reason }
}

/**
 * The refusals of `value`'s fields, one per bad field, in the order of `rules`; a value that is
 * not an object is refused as a whole ("must be an object").
 */
export function fieldRefusals(rules: Readonly<Record<string, Rule>>, value: unknown): Refusal[] {
  if (!isRecord(value)) return ['must be an object']
  const refusals: Refusal[] = []
  for (const [key, rule] of Object.entries(rules)) {
    const refusal = rule(value[key])
    if (refusal !== undefined) refusals.push(inside(key, refusal))
  }
  return refusals
}

/** An object whose fields `rules` check: "must be an object", else its first bad field. */
export function fields(rules: Readonly<Record<string, Rule>>): Rule {
  return (value) => fieldRefusals(rules, value)[0]
}

/**
 * A plain object of strings (headers, `c_*` parameters): "must be an object", then each entry
 * "must be a string" or what `reasonFor` says, reported under the entry's key.
 */
export function stringRecord(reasonFor?: (key: string, value: string) => string | undefined): Rule {
  return (value) => {
    if (!isRecord(value)) return 'must be an object'
    for (const [key, entry] of Object.entries(value)) {
      const reason = typeof entry === 'string' ? reasonFor?.(key, entry) : 'must be a string'
      if (reason !== undefined) return { path: [key], reason }
    }
    return undefined
  }
}

/** What reading a value with field rules found: its fields, or every refusal (at least one). */
export type FieldsRead<T> =
  | { ok: true; value: T }
  | { ok: false; refusals: readonly [Refusal, ...Refusal[]] }

/**
 * Checks `value` with `rules` and, when every field passes, returns a new object with the fields
 * `rules` name that are set (unknown fields are left out).
 */
export function readFields<T>(rules: FieldRules<T>, value: unknown): FieldsRead<T> {
  const [first, ...others] = fieldRefusals(rules, value)
  if (first !== undefined) return { ok: false, refusals: [first, ...others] }
  const record = value as Record<string, unknown> // an object: no refusal above
  const known: Record<string, unknown> = {}
  for (const key of Object.keys(rules)) {
    if (record[key] !== undefined) known[key] = record[key]
  }
  return { ok: true, value: known as T } // every field passed its rule
}

/**
 * `path: reason`, e.g. `retry.maxAttempts: must be at most 100` or `cookieSecrets[1]: must not be
 * empty`; `(root): …` for the value itself.
 */
export function describeRefusal(refusal: Refusal): string {
  if (typeof refusal === 'string') return `(root): ${refusal}`
  const path = refusal.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index ? `.${part}` : part))
    .join('')
  return `${path || '(root)'}: ${refusal.reason}`
}

/**
 * The fields of `value` that `rules` name, once all pass; else throws `fail(reason)` where
 * `reason` describes the first refusal (see {@link describeRefusal}), never the value.
 */
export function checkRecord<T>(
  rules: FieldRules<T>,
  value: unknown,
  fail: (reason: string) => Error,
): T {
  const read = readFields(rules, value)
  if (read.ok) return read.value
  throw fail(describeRefusal(read.refusals[0]))
}
