/**
 * Field checks for request objects, with the limits of the Shopper Customers OpenAPI. Unknown
 * fields are tolerated and dropped, custom attributes (`c_*`) are kept, `null` means "absent".
 * The first bad field names the 400, so a client can tell what to fix.
 *
 * @module
 */
import type { JsonObject } from './model.ts'
import { badRequest } from './problems.ts'

/** The rule of one field. */
export type FieldRule =
  | { type: 'string'; max?: number; min?: number; pattern?: RegExp; values?: readonly string[] }
  | { type: 'boolean' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'number'; min?: number }
  /** `YYYY-MM-DD`. */
  | { type: 'date' }
  | { type: 'object' }

/** Rules by field name. */
export type FieldRules = Readonly<Record<string, FieldRule>>

/** A string of at most `max` characters. */
export function text(max?: number): FieldRule {
  return max === undefined ? { type: 'string' } : { type: 'string', max }
}

const CUSTOM_ATTRIBUTE = /^c_[A-Za-z0-9_]{1,255}$/

/** Whether `name` is a custom attribute. */
export function isCustomAttribute(name: string): boolean {
  return CUSTOM_ATTRIBUTE.test(name)
}

function valid(rule: FieldRule, value: unknown): boolean {
  switch (rule.type) {
    case 'string':
      return (
        typeof value === 'string' &&
        value.length <= (rule.max ?? 4000) &&
        value.length >= (rule.min ?? 0) &&
        (rule.pattern === undefined || rule.pattern.test(value)) &&
        (rule.values === undefined || rule.values.includes(value))
      )
    case 'boolean':
      return typeof value === 'boolean'
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isSafeInteger(value) &&
        value >= (rule.min ?? Number.MIN_SAFE_INTEGER) &&
        value <= (rule.max ?? Number.MAX_SAFE_INTEGER)
      )
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= (rule.min ?? -Infinity)
    case 'date':
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
      )
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
  }
}

/**
 * The first field of `object` that breaks its rule, or a `required` field that is absent or
 * empty; `undefined` when all is well.
 */
export function firstInvalid(
  object: JsonObject,
  rules: FieldRules,
  required: readonly string[] = [],
): string | undefined {
  for (const name of required) {
    const value = object[name]
    if (value === undefined || value === null || value === '') return name
  }
  for (const [name, rule] of Object.entries(rules)) {
    const value = object[name]
    if (value !== undefined && value !== null && !valid(rule, value)) return name
  }
  return undefined
}

/** The 400 for a bad field (the field name only: values may be secrets). */
export function invalidField(name: string): Response {
  return badRequest(`The property '${name}' is missing or invalid.`)
}

/** The custom attributes of `object`. */
export function customAttributes(object: JsonObject): JsonObject {
  const custom: JsonObject = {}
  for (const [name, value] of Object.entries(object)) {
    if (isCustomAttribute(name)) custom[name] = value
  }
  return custom
}

/**
 * The fields of `object` named in `rules` plus its custom attributes, as a change: a value to set,
 * or `null` to remove. Fields not sent are not in the result.
 */
export function changes(object: JsonObject, rules: FieldRules): JsonObject {
  const picked: JsonObject = {}
  for (const [name, value] of Object.entries(object)) {
    if (value === undefined) continue
    if (Object.hasOwn(rules, name) || isCustomAttribute(name)) picked[name] = value
  }
  return picked
}

/** `target` with `change` applied (`null` removes a field); a new object. */
export function applied(target: JsonObject, change: JsonObject): JsonObject {
  const result: JsonObject = { ...target }
  for (const [name, value] of Object.entries(change)) {
    if (value === null) delete result[name]
    else result[name] = value
  }
  return result
}
