/**
 * The Web Storage lookup shared by the `localStorage` and `sessionStorage` adapters, and the
 * duck-type check of the browser seams. Internal: not a package subpath.
 *
 * @module
 */

/** The part of the Web Storage API the adapters use (a `Storage` object fits). */
export interface WebStorageLike {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/**
 * Whether `value` is an object with these methods (a Web API or its stand-in). Shared by the
 * browser adapters and the browser entry, so the bundle carries one duck-type check.
 */
export const hasMethods = (value: unknown, ...names: string[]): boolean =>
  typeof value === 'object' &&
  value !== null &&
  names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')

const usable = (value: unknown): value is WebStorageLike =>
  hasMethods(value, 'key', 'getItem', 'setItem', 'removeItem')

/**
 * `given` when it is one, else `globalThis[name]`. Throws `TypeError` when there is no usable
 * storage: server rendering, a worker, or a browser that blocks storage (reading the property
 * then throws a `SecurityError`). Adapters never import `src/`, so this is a plain `TypeError`
 * naming the adapter, thrown when the app creates the adapter, before any session starts.
 */
export function resolveWebStorage(
  name: 'localStorage' | 'sessionStorage',
  given: unknown,
): WebStorageLike {
  let found = given
  try {
    if (given === undefined) found = (globalThis as Record<string, unknown>)[name]
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'an error'
    throw new TypeError(`${name}: the browser blocks Web Storage here (${reason})`)
  }
  if (usable(found)) return found
  throw new TypeError(
    given === undefined
      ? `${name}: window.${name} is not available here (server rendering or a worker); ` +
          'create this adapter in the browser, or use adapters/storage/memory'
      : `${name}: options.storage must be a Storage (getItem, setItem, removeItem, key)`,
  )
}
