/**
 * zod/mini fields made from the plain rules of `src/validation/rules.ts`, for the clients that
 * keep zod schemas (Shopper Customers and Baskets, the public SLAS operations, Account Manager,
 * the server): a rule and its wording exist once, whether a zod schema or the browser session
 * (which carries no zod) checks the field.
 *
 * @example
 * ```ts
 * const Params = z.object({ refreshToken: text(256), hint: z.optional(oneOf('all-sessions')) })
 * ```
 *
 * @module
 */
import * as z from 'zod/mini'
import * as rules from '../validation/rules.ts'

/**
 * A zod check that refuses what `rule` refuses, with the rule's reason as the issue's message
 * (and the rule's path below the field, e.g. a record's key).
 */
function ruleCheck<T>(rule: (value: T) => rules.Refusal | undefined): z.core.$ZodCheck<T> {
  return z.check<T>((payload) => {
    const refusal = rule(payload.value)
    if (refusal === undefined) return
    const { path, reason } = typeof refusal === 'string' ? { path: [], reason: refusal } : refusal
    // No `continue`: like a type mismatch, a refusal stops the checks that follow it.
    payload.issues.push({ code: 'custom', message: reason, path: [...path], input: payload.value })
  })
}

/**
 * A zod field of type `T` that accepts what `rule` accepts: `fromRule<string>(rules.text(40))`.
 * The rule alone decides, so `T` must be what it accepts.
 */
export function fromRule<T>(rule: rules.Rule): z.ZodMiniCustom<T, T> {
  // z.custom() alone accepts anything; the check refuses with the rule's reason.
  return z.custom<T>().check(ruleCheck<unknown>(rule))
}

/** A string of `min`..`max` characters (default 1..`max`), see `rules.text`. */
export function text(max: number, min?: number): z.ZodMiniCustom<string, string> {
  return fromRule<string>(rules.text(max, min))
}

/** Exactly one of `values`: `must be one of "a", "b"`, see `rules.oneOf`. */
export function oneOf<const T extends readonly (string | number | boolean)[]>(
  ...values: T
): z.ZodMiniCustom<T[number], T[number]> {
  return fromRule<T[number]>(rules.oneOf(...values))
}

/** A boolean: "must be a boolean". */
export function bool(): z.ZodMiniCustom<boolean, boolean> {
  return fromRule<boolean>(rules.boolean)
}

/** A finite number: "is required" or "must be a finite number". */
export function num(): z.ZodMiniCustom<number, number> {
  return fromRule<number>(rules.finiteNumber)
}

/** An integer from `min` to `max`, see `rules.integer`. */
export function int(min?: number, max?: number): z.ZodMiniCustom<number, number> {
  return fromRule<number>(rules.integer(min, max))
}

/** A check that `test` holds for the (already typed) value, else fails with `reason`. */
export function holds<T>(test: (value: T) => boolean, reason: string): z.core.$ZodCheck<T> {
  return ruleCheck<T>((value) => (test(value) ? undefined : reason))
}

/** `schema` with `checks` added after its own (zod/mini's `schema.check(...checks)`). */
export function withChecks<S extends z.ZodMiniType>(
  schema: S,
  ...checks: z.core.$ZodCheck<z.output<S>>[]
): S {
  return schema.check(...checks)
}
