/**
 * zod/mini building blocks for the browser path, made of `z.custom` and custom checks only. zod's
 * own length, number, regex, enum, literal and boolean kinds each pull another class into the
 * browser bundle (0.1 to 0.4 KiB gzip each, measured); these pull none and give the same messages.
 *
 * @module
 */
import * as z from 'zod/mini'

/** A custom check: `reasonFor` returns why a value is refused, or nothing when it is fine. */
export function rule<T>(reasonFor: (value: T) => string | undefined): z.core.$ZodCheck<T> {
  return z.check<T>((payload) => {
    const message = reasonFor(payload.value)
    if (message === undefined) return
    payload.issues.push({ code: 'custom', message, input: payload.value })
  })
}

/**
 * A string of `min`..`max` characters (default 1..`max`): "must not be empty", "must be at least
 * N characters" or "must be at most N characters".
 */
export function text(max: number, min = 1) {
  return z.string().check(
    rule<string>(({ length }) =>
      length < min
        ? min === 1
          ? 'must not be empty'
          : `must be at least ${min} characters`
        : length > max
          ? `must be at most ${max} characters`
          : undefined,
    ),
  )
}

/** A check that `test` holds, else fails with `reason` (what `z.refine` does). */
export function holds<T>(test: (value: T) => boolean, reason: string): z.core.$ZodCheck<T> {
  return rule<T>((value) => (test(value) ? undefined : reason))
}

/** A check that a string matches `pattern`, else fails with `reason` (what `z.regex` does). */
export function matches(pattern: RegExp, reason: string): z.core.$ZodCheck<string> {
  return holds((value: string) => pattern.test(value), reason)
}

/** Exactly one of `values` (what `z.enum` and `z.literal` do): "must be one of "a", "b"". */
export function oneOf<const T extends readonly (string | number | boolean)[]>(...values: T) {
  return z.custom<T[number]>(
    (value) => values.includes(value as T[number]),
    `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`,
  )
}

/** A finite number (what `z.number()` does). */
export function num() {
  return z.custom<number>((value) => typeof value === 'number' && Number.isFinite(value), {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be a finite number'),
  })
}

/**
 * An integer from `min` to `max` (what `z.int()` with `z.gte`/`z.lte` do; the default `max` is
 * `Number.MAX_SAFE_INTEGER`).
 */
export function int(min = 0, max = 2 ** 53 - 1) {
  return num().check(
    rule<number>((value) =>
      !Number.isInteger(value)
        ? 'must be an integer'
        : value < min
          ? `must be at least ${min}`
          : value > max
            ? `must be at most ${max}`
            : undefined,
    ),
  )
}

/** A boolean (what `z.boolean()` does, for optional fields: a missing value never reaches it). */
export function bool() {
  return z.custom<boolean>((value) => typeof value === 'boolean', 'must be a boolean')
}
