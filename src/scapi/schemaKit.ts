/**
 * One shape, two strictness levels. Request bodies are checked against the spec's limits before
 * sending (a bad body never reaches the server); responses only need the right types, because a
 * record that breaks a limit (an old address with a lower-case country code) must not make a
 * shopper's whole profile unreadable. Both levels give the same TypeScript types.
 *
 * The types are declared interfaces, not `z.infer` output: a `z.looseObject` infers
 * `[x: string]: unknown`, which lets typos such as `customer.emial` compile and inlines the whole
 * object into every hover and `.d.ts`. {@link looseModel} ties each schema to its interface: the
 * schema still keeps unknown keys at runtime (SCAPI adds fields), the compiler checks that the
 * shape and the interface have the same keys, optionality and value types, and the schema's type
 * is the interface's name.
 *
 * @module
 */
import * as z from 'zod/mini'

/**
 * The custom attributes of a B2C Commerce object: keys `c_<name>`, any JSON value. The index
 * signature covers that pattern only, so any other key that is not declared (a typo) is an
 * error, in answers (`customer.emial`) and in bodies (`{ fistName }`).
 */
export interface CustomAttributes {
  [attribute: `c_${string}`]: unknown
}

/**
 * A nested object passed through as the API sends it, unchecked (shipments, price adjustments,
 * gateway properties): its keys are the API's, not declared here, so each reads as `unknown`.
 */
export type UncheckedObject = Record<string, unknown>

/** The declared keys of `T`: its index signatures (`string`, `c_${string}`) dropped. */
export type DeclaredKeys<T> = {
  [K in keyof T as string extends K ? never : `c_${string}` extends K ? never : K]: T[K]
}

// Each key and whether it is optional: `{}` has every optional key of a type, no required one.
type Optionality<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? 'optional' : 'required'
}

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/**
 * `true` when `Out` (a shape's inferred output) has exactly the declared keys of `T`, each as
 * optional as in `T`, with values assignable both ways; `false` otherwise.
 */
export type ShapeMatches<Out, T> =
  Mutual<Optionality<Out>, Optionality<DeclaredKeys<T>>> extends true
    ? Mutual<Out, DeclaredKeys<T>>
    : false

// The keys on which a shape's output and `T` differ (missing, extra, or another type or
// optionality).
type MismatchedKeys<Out, T> =
  | Exclude<keyof DeclaredKeys<T>, keyof Out>
  | Exclude<keyof Out, keyof DeclaredKeys<T>>
  | {
      [K in keyof Out & keyof DeclaredKeys<T>]: Mutual<
        Pick<Out, K>,
        Pick<DeclaredKeys<T>, K>
      > extends true
        ? never
        : K
    }[keyof Out & keyof DeclaredKeys<T>]

// What a mismatching shape is asked to have: one property per differing key, so the compiler's
// message lists them ("missing the following properties: 'mismatch: title', ...").
type ShapeMismatch<Out, T> = {
  [K in MismatchedKeys<Out, T> & string as `mismatch: ${K}`]: never
}

/**
 * The zod shape whose output is `T`: a schema per declared key, `z.optional(...)` for the
 * optional ones. A shape written against it must have every key of `T` (an object literal no
 * other) and schemas whose output fits each key's type.
 */
export type ShapeOf<T> = {
  [K in keyof DeclaredKeys<T>]-?: Record<never, never> extends Pick<DeclaredKeys<T>, K>
    ? z.ZodMiniOptional<z.ZodMiniType<Exclude<DeclaredKeys<T>[K], undefined>>>
    : z.ZodMiniType<DeclaredKeys<T>[K]>
}

/** The inferred output of a strip object of `shape`: the declared keys only. */
type ShapeOutput<S extends z.core.$ZodLooseShape> = z.output<z.ZodMiniObject<S>>

// Nothing more for a shape that matches `T`; otherwise one impossible property per differing key.
type Matching<S extends z.core.$ZodLooseShape, T> =
  ShapeMatches<ShapeOutput<S>, T> extends true ? unknown : ShapeMismatch<ShapeOutput<S>, T>

/**
 * A `z.looseObject(shape)` typed as the interface `T`. Parsing keeps unknown keys (SCAPI adds
 * fields, `c_*` custom attributes pass through); the type is `T`, so typos fail to compile and
 * hovers show `T`'s name. The shape must declare exactly `T`'s keys with the same optionality and
 * value types, checked at compile time (a mismatch names the missing, extra and differing keys).
 *
 * @example
 * ```ts
 * export const CustomerAddressSchema = looseModel<CustomerAddress>()(addressShape(RESPONSE))
 * ```
 */
export function looseModel<T>() {
  return <S extends z.core.$ZodLooseShape>(shape: S & Matching<S, T>): z.ZodMiniType<T, T> =>
    z.looseObject(shape) as unknown as z.ZodMiniType<T, T>
}

/**
 * A `z.strictObject(shape)` typed as the interface `T`, checked like {@link looseModel}: for the
 * bodies the API refuses unknown fields in, so they are refused before sending.
 */
export function strictModel<T>() {
  return <S extends z.core.$ZodLooseShape>(shape: S & Matching<S, T>): z.ZodMiniType<T, T> =>
    z.strictObject(shape) as unknown as z.ZodMiniType<T, T>
}

/** Builders for the string fields of a shape, at one strictness level. */
export interface SchemaKit {
  /** A string of at most `max` characters (responses: any string). */
  text: (max: number) => z.ZodMiniString<string>
  /** A required id of 1..`max` characters (responses: any string). */
  id: (max: number) => z.ZodMiniString<string>
  /** ISO 3166-1 alpha-2, e.g. `US` (responses: any string). */
  countryCode: () => z.ZodMiniString<string>
  /** A number of at least 0 (responses: any number). */
  nonNegative: () => z.ZodMiniNumber<number>
}

/** The request level: the spec's limits. */
export const REQUEST: SchemaKit = {
  text: (max) => z.string().check(z.maxLength(max)),
  id: (max) => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max)),
  countryCode: () => z.string().check(z.regex(/^[A-Z][A-Z]$/, 'must be two capital letters')),
  nonNegative: () => z.number().check(z.gte(0)),
}

/** The response level: types only. */
export const RESPONSE: SchemaKit = {
  text: () => z.string(),
  id: () => z.string(),
  countryCode: () => z.string(),
  nonNegative: () => z.number(),
}

/** A required string that must not be empty (no documented maximum). */
export const filled = () => z.string().check(z.minLength(1, 'must not be empty'))

/** An optional string (any length): dates, notes, free text without a documented limit. */
export const optionalString = () => z.optional(z.string())

/** An optional number. */
export const optionalNumber = () => z.optional(z.number())

/** An optional boolean. */
export const optionalBoolean = () => z.optional(z.boolean())

/** An optional object whose content is kept but not checked ({@link UncheckedObject}). */
export const optionalObject = (): z.ZodMiniOptional<z.ZodMiniType<UncheckedObject>> =>
  z.optional(z.looseObject({}))

/** An optional list of objects whose content is kept but not checked ({@link UncheckedObject}). */
export const optionalObjects = (): z.ZodMiniOptional<z.ZodMiniType<UncheckedObject[]>> =>
  z.optional(z.array(z.looseObject({})))

/** The product list types shared by customer and public lists. */
export const PRODUCT_LIST_TYPES = [
  'wish_list',
  'gift_registry',
  'shopping_list',
  'custom_1',
  'custom_2',
  'custom_3',
] as const

/** The kinds of product list item. */
export const PRODUCT_LIST_ITEM_TYPES = ['product', 'gift_certificate'] as const

type Optional<T extends z.ZodMiniType> = z.ZodMiniOptional<T>

function optionals<K extends string, T extends z.ZodMiniType>(
  keys: readonly K[],
  make: () => T,
): Record<K, Optional<T>> {
  return Object.fromEntries(keys.map((key) => [key, z.optional(make())])) as Record<K, Optional<T>>
}

/** A shape of optional strings, for the flat models with many fields (totals, addresses). */
export function optionalStrings<K extends string>(
  ...keys: K[]
): Record<K, Optional<z.ZodMiniString<string>>> {
  return optionals(keys, z.string)
}

/** A shape of optional numbers. */
export function optionalNumbers<K extends string>(
  ...keys: K[]
): Record<K, Optional<z.ZodMiniNumber<number>>> {
  return optionals(keys, z.number)
}
