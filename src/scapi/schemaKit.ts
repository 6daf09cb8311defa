/**
 * One shape, two strictness levels. Request bodies are checked against the spec's limits before
 * sending (a bad body never reaches the server); responses only need the right types, because a
 * record that breaks a limit (an old address with a lower-case country code) must not make a
 * shopper's whole profile unreadable. Both levels give the same TypeScript types.
 *
 * @module
 */
import * as z from 'zod/mini'

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

/** An optional list of objects whose content is kept but not checked. */
export const optionalObjects = () => z.optional(z.array(z.looseObject({})))

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
