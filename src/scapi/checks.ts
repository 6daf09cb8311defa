/**
 * zod building blocks for the browser path, built on zod's core API (`zod/v4/core`, the API zod
 * documents for libraries) and made of strings, objects, optionals, `z.custom` and custom checks
 * only. zod/mini's wrapper classes (their parse, check, clone, brand ... methods) and the helpers
 * only they use cost 0.76 KiB gzip of the browser entry, and zod's own length, number, regex,
 * enum, literal and boolean kinds each pull another class (0.1 to 0.4 KiB gzip each, measured);
 * these pull none and give the same messages. The schemas are plain core schemas: zod/mini
 * schemas nest them as children, and `parseOrThrow` (issues.ts) parses them with core's
 * `safeParse`.
 *
 * @module
 */
import {
  $ZodCheck,
  $ZodCustom,
  $ZodObject,
  $ZodOptional,
  $ZodString,
  type $strip,
  type $ZodErrorMap,
  type $ZodLooseShape,
  type $ZodType,
  type CheckFn,
  clone,
  type output,
} from 'zod/v4/core'

/** A custom check running `fn` on the parse payload (what `z.check` builds). */
export function check<T>(fn: CheckFn<T>): $ZodCheck<T> {
  const built: $ZodCheck<T> = new $ZodCheck({ check: 'custom' })
  built._zod.check = fn
  return built
}

/**
 * `schema` with `checks` added after its own (what zod/mini's `schema.check(...checks)` does;
 * core schemas have no methods).
 */
export function withChecks<S extends $ZodType>(schema: S, ...checks: $ZodCheck<output<S>>[]): S {
  const def = schema._zod.def
  return clone(schema, { ...def, checks: [...(def.checks ?? []), ...checks] }, { parent: true })
}

/** A string with `checks` (what `z.string().check(...checks)` builds). */
export function string(...checks: $ZodCheck<string>[]): $ZodString {
  return new $ZodString({ type: 'string', checks })
}

/** An object that strips unknown keys (what `z.object(shape)` builds). */
export function object<S extends $ZodLooseShape>(shape: S): $ZodObject<S, $strip> {
  return new $ZodObject({ type: 'object', shape }) as $ZodObject<S, $strip>
}

/** `inner` or undefined (what `z.optional(inner)` builds). */
export function optional<T extends $ZodType>(inner: T): $ZodOptional<T> {
  return new $ZodOptional({ type: 'optional', innerType: inner }) as $ZodOptional<T>
}

/**
 * A value for which `test` holds, else an issue worded by `error` (what `z.custom(test, error)`
 * builds: it stops at a failure, so checks added later only see values that passed `test`).
 */
export function custom<T>(
  test: (value: unknown) => boolean,
  error: string | $ZodErrorMap,
): $ZodCustom<T, T> {
  return new $ZodCustom({
    type: 'custom',
    check: 'custom',
    fn: test,
    error: typeof error === 'string' ? () => error : error,
    abort: true,
  }) as $ZodCustom<T, T>
}

/** A custom check: `reasonFor` returns why a value is refused, or nothing when it is fine. */
export function rule<T>(reasonFor: (value: T) => string | undefined): $ZodCheck<T> {
  return check<T>((payload) => {
    const message = reasonFor(payload.value)
    if (message === undefined) return
    payload.issues.push({ code: 'custom', message, input: payload.value })
  })
}

/**
 * A string of `min`..`max` characters (default 1..`max`): "must not be empty", "must be at least
 * N characters" or "must be at most N characters".
 */
export function text(max: number, min = 1): $ZodString {
  return string(
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
export function holds<T>(test: (value: T) => boolean, reason: string): $ZodCheck<T> {
  return rule<T>((value) => (test(value) ? undefined : reason))
}

/** A check that a string matches `pattern`, else fails with `reason` (what `z.regex` does). */
export function matches(pattern: RegExp, reason: string): $ZodCheck<string> {
  return holds((value: string) => pattern.test(value), reason)
}

/** Exactly one of `values` (what `z.enum` and `z.literal` do): "must be one of "a", "b"". */
export function oneOf<const T extends readonly (string | number | boolean)[]>(
  ...values: T
): $ZodCustom<T[number], T[number]> {
  return custom<T[number]>(
    (value) => values.includes(value as T[number]),
    `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`,
  )
}

/** A finite number (what `z.number()` does). */
export function num(): $ZodCustom<number, number> {
  return custom<number>((value) => typeof value === 'number' && Number.isFinite(value), (issue) =>
    issue.input === undefined ? 'is required' : 'must be a finite number',
  )
}

/**
 * An integer from `min` to `max` (what `z.int()` with `z.gte`/`z.lte` do; the default `max` is
 * `Number.MAX_SAFE_INTEGER`).
 */
export function int(min = 0, max = 2 ** 53 - 1): $ZodCustom<number, number> {
  return withChecks(
    num(),
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
export function bool(): $ZodCustom<boolean, boolean> {
  return custom<boolean>((value) => typeof value === 'boolean', 'must be a boolean')
}
