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
 * `value` as `T` when it has these methods (a Web API or its stand-in), else `undefined`. Shared
 * by the browser seams, so the bundle carries one duck-type check.
 */
export const withMethods = <T>(value: unknown, ...names: string[]): T | undefined =>
  names.every((name) => typeof (value as Partial<Record<string, unknown>>)?.[name] === 'function')
    ? (value as T)
    : undefined

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
  } catch {
    /* blocked site data: reading the property throws a `SecurityError` */
  }
  const storage = withMethods<WebStorageLike>(found, 'key', 'getItem', 'setItem', 'removeItem')
  if (storage) return storage
  throw new TypeError(
    `${name}: ${
      given === undefined
        ? `window.${name} is not available or blocked here; use adapters/storage/memory`
        : 'options.storage must be a Storage'
    }`,
  )
}
