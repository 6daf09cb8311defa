/**
 * `shopper-session` for browsers (the `browser` export condition): the API of the main entry,
 * whose `createShopperSession` defaults to `localStorage` and Web Locks + BroadcastChannel
 * coordination (tabs share one session and refresh it once) and checks the session when the page
 * comes back (visible, online, back/forward cache, focus, wake from sleep).
 *
 * @module
 */
import { createInProcessCoordination } from '../adapters/coordination/inProcess.ts'
import { createWebCoordination } from '../adapters/coordination/web.ts'
import { createLocalStorage } from '../adapters/storage/localStorage.ts'
import { createMemoryStorage } from '../adapters/storage/memory.ts'
import { type PageLifecycleOptions, watchPageLifecycle } from './browser/lifecycle.ts'
import { createSafeLogger } from './logger.ts'
import {
  createShopperSession as createSession,
  type SessionInternals,
  type ShopperSession,
  type ShopperSessionConfig,
} from './session.ts'

export * from './index.ts'
export type { PageLifecycleOptions } from './browser/lifecycle.ts'

/** Options of the browser `createShopperSession`: those of the main entry, plus the lifecycle. */
export interface BrowserSessionConfig extends ShopperSessionConfig {
  /**
   * Page lifecycle checks (see {@link PageLifecycleOptions}). Default on; `false` turns them off
   * (call `session.check()` yourself then).
   */
  pageLifecycle?: boolean | PageLifecycleOptions
}

/**
 * Creates a shopper session for a browser page. Unless given, `storage` is `localStorage` and
 * `coordination` is Web Locks + BroadcastChannel (`shopper-session/adapters/coordination/web`);
 * where they are missing (a worker, server rendering under the browser condition, blocked site
 * data) it falls back to memory storage and in-process coordination and logs a warning. Without
 * Web Locks alone (old browsers, pages outside a secure context) the coordinator's degraded mode
 * logs one warning: tabs then share the session but not its refresh lock.
 * Listeners for the page lifecycle are added now and removed by `stop()`.
 * Throws `ShopperSessionError('invalid_config')` naming the bad field.
 *
 * @example
 * ```ts
 * import { createShopperSession } from 'shopper-session' // resolves here in bundlers for browsers
 * const session = createShopperSession(config) // localStorage, tabs coordinated
 * await session.ready()
 * ```
 */
export function createShopperSession(
  config: BrowserSessionConfig,
  internals?: SessionInternals,
): ShopperSession {
  const { pageLifecycle = true, ...options } = config
  const log = createSafeLogger(options.logger)
  const warn = (message: string) => log.warn(`shopper-session: ${message}`)
  // The adapters throw TypeErrors that say what is missing; the warning adds what that costs.
  let { storage, coordination } = options
  try {
    if (storage === undefined) storage = createLocalStorage()
  } catch (error) {
    warn(`${(error as Error).message}; the session lives in this page's memory`)
    storage = createMemoryStorage()
  }
  try {
    if (coordination === undefined) coordination = createWebCoordination({ onWarning: warn })
  } catch (error) {
    warn(`${(error as Error).message}; tabs are not coordinated`)
    coordination = createInProcessCoordination()
  }
  const lifecycle = pageLifecycle === true ? {} : pageLifecycle
  return createSession(
    { ...options, storage, coordination },
    {
      ...internals,
      // Added now, removed by `stop()`: the session wires both.
      watch:
        lifecycle === false
          ? internals?.watch
          : (session) => watchPageLifecycle(() => session.check(), lifecycle),
    },
  )
}
