/**
 * The Web Storage lookup shared by the `localStorage` and `sessionStorage` adapters. Internal: not
 * a package subpath.
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

const METHODS = ['key', 'getItem', 'setItem', 'removeItem'] as const

function usable(value: unknown): value is WebStorageLike {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return METHODS.every((method) => typeof record[method] === 'function')
}

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
  if (given !== undefined) {
    if (usable(given)) return given
    throw new TypeError(
      `${name}: options.storage must be a Storage (getItem, setItem, removeItem, key)`,
    )
  }
  let found: unknown
  try {
    found = (globalThis as Record<string, unknown>)[name]
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'an error'
    throw new TypeError(`${name}: the browser blocks Web Storage here (${reason})`)
  }
  if (!usable(found)) {
    throw new TypeError(
      `${name}: window.${name} is not available here (server rendering or a worker); ` +
        'create this adapter in the browser, or use adapters/storage/memory',
    )
  }
  return found
}
