/**
 * Field rules in plain TypeScript: a rule looks at one value and says why it is refused, or
 * nothing when the value is fine. The session's browser path validates its config, its stored
 * record and SLAS's token answers with these (no schema library in that bundle); the clients that
 * keep zod schemas turn the same rules into zod fields (`src/scapi/checks.ts`), so each rule and
 * its wording exist once.
 *
 * Reasons describe, never quote: a value may be a client secret, a password or a token.
 *
 * @example
 * ```ts
 * const label = all(text(64), matching(/^[a-z]+$/, 'must be lower-case letters'))
 * label('A b') // 'must be lower-case letters'
 * label('') // 'must not be empty'
 * label(42) // 'must be a string'
 * optional(label)(undefined) // undefined: fine
 * ```
 *
 * @module
 */

/** Where inside a value a refusal applies: object keys and array indexes, outermost first. */
export type Path = readonly (string | number)[]

/** A refusal of one part of a value: `{ path: ['maxAttempts'], reason: 'must be at most 100' }`. */
export interface PartRefusal {
  readonly path: Path
  readonly reason: string
}

/**
 * Why a value is refused: a reason about the value itself (`must be a string`), or about one of
 * its parts (objects and records report which field failed).
 */
export type Refusal = string | PartRefusal

/** Says why `value` is refused, or returns `undefined` when it is fine. */
export type Rule = (value: unknown) => Refusal | undefined

/** `rule`, but a missing value (`undefined`) is fine. */
export function optional(rule: Rule): Rule {
  return (value) => (value === undefined ? undefined : rule(value))
}

/** Every rule in turn: the first refusal wins (so later rules may assume the earlier passed). */
export function all(...rules: Rule[]): Rule {
  return (value) => {
    for (const rule of rules) {
      const refusal = rule(value)
      if (refusal !== undefined) return refusal
    }
    return undefined
  }
}

/** A value for which `test` holds, else `reason` (a missing value gets `reason` too). */
export function holds(test: (value: unknown) => boolean, reason: string): Rule {
  return (value) => (test(value) ? undefined : reason)
}

// The rule constants below are plain functions, not calls of the factories: a bundler drops an
// unused function, but keeps a module-level call it cannot prove free of side effects.

/** Any string: "is required" when missing, else "must be a string" unless it is one. */
export const isString: Rule = (value) => {
  if (value === undefined) return 'is required'
  return typeof value === 'string' ? undefined : 'must be a string'
}

/** A string that `reasonFor` accepts (see {@link isString} for a missing or mistyped value). */
export function stringRule(reasonFor: (value: string) => string | undefined): Rule {
  return (value) => (typeof value === 'string' ? reasonFor(value) : isString(value))
}

/** A string for which `test` holds, else `reason` (see {@link stringRule} for the others). */
export function stringThat(test: (value: string) => boolean, reason: string): Rule {
  return stringRule((value) => (test(value) ? undefined : reason))
}

/** A string matching `pattern`, else `reason` (e.g. "must look like f_ecom_abcd_001"). */
export function matching(pattern: RegExp, reason: string): Rule {
  return stringThat((value) => pattern.test(value), reason)
}

/**
 * A string of `min`..`max` characters (default 1..`max`): "must not be empty", "must be at least
 * N characters" or "must be at most N characters".
 */
export function text(max: number, min = 1): Rule {
  return stringRule(({ length }) => {
    if (length < min) return min === 1 ? 'must not be empty' : `must be at least ${min} characters`
    return length > max ? `must be at most ${max} characters` : undefined
  })
}

/**
 * Any finite number: "is required" when missing, else "must be a finite number" unless it is one
 * (NaN and the infinities are not).
 */
export const finiteNumber: Rule = (value) => {
  if (value === undefined) return 'is required'
  const finite = typeof value === 'number' && Number.isFinite(value)
  return finite ? undefined : 'must be a finite number'
}

/** A finite number that `reasonFor` accepts (see {@link finiteNumber} for anything else). */
export function numberRule(reasonFor: (value: number) => string | undefined): Rule {
  return (value) =>
    typeof value === 'number' && Number.isFinite(value) ? reasonFor(value) : finiteNumber(value)
}

/** A finite number for which `test` holds, else `reason` (see {@link numberRule}). */
export function numberThat(test: (value: number) => boolean, reason: string): Rule {
  return numberRule((value) => (test(value) ? undefined : reason))
}

/**
 * An integer from `min` to `max` (default 0 to `Number.MAX_SAFE_INTEGER`): "must be an
 * integer", "must be at least N" or "must be at most N".
 */
export function integer(min = 0, max = Number.MAX_SAFE_INTEGER): Rule {
  return numberRule((value) => {
    if (!Number.isInteger(value)) return 'must be an integer'
    if (value < min) return `must be at least ${min}`
    return value > max ? `must be at most ${max}` : undefined
  })
}

/** `true` or `false`: "must be a boolean" (a missing value too). */
export const boolean: Rule = (value) =>
  typeof value === 'boolean' ? undefined : 'must be a boolean'

/** A function: "must be a function" (a missing value too). */
export const isFunction: Rule = (value) =>
  typeof value === 'function' ? undefined : 'must be a function'

/** Exactly one of `values`: `must be one of "manual", "follow"` (the choices, not the value). */
export function oneOf(...values: readonly (string | number | boolean)[]): Rule {
  const choices = values.map((choice) => JSON.stringify(choice)).join(', ')
  return holds((value) => values.some((choice) => choice === value), `must be one of ${choices}`)
}
