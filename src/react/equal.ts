/**
 * The equality the hooks' selectors use: a re-render only when a field the component reads
 * changed.
 *
 * @module
 */

/**
 * Whether `a` and `b` have the same own fields, each `Object.is`-equal, or (for a plain object
 * field such as `tags`) itself equal field by field.
 */
export function sameView(a: unknown, b: unknown): boolean {
  return sameFields(a, b, 1)
}

function sameFields(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true
  if (depth < 0 || !isPlainObject(a) || !isPlainObject(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => key in b && sameFields(a[key], b[key], depth - 1))
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
