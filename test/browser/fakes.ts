/** Stand-ins for `window` and `document` as the page lifecycle watcher uses them. */
import type { LifecycleTarget } from '../../src/browser/lifecycle.ts'

type Listener = (event: { persisted?: boolean }) => void

/** An event target that counts its listeners; `dispatch` calls them. */
export function fakeTarget(extra: { visibilityState?: string } = {}) {
  const listeners = new Map<string, Set<Listener>>()
  const target = {
    ...extra,
    addEventListener(type: string, listener: Listener) {
      const set = listeners.get(type) ?? new Set()
      set.add(listener)
      listeners.set(type, set)
    },
    removeEventListener(type: string, listener: Listener) {
      listeners.get(type)?.delete(listener)
    },
    dispatch(type: string, event: { persisted?: boolean } = {}) {
      for (const listener of listeners.get(type) ?? []) listener(event)
    },
    count: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  }
  return target satisfies LifecycleTarget
}
