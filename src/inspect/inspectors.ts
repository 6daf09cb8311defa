/**
 * The two ways to hand XState's inspection events of a session or of its account flows to an
 * inspector: {@link redactedInspector}, what apps use, and {@link unsafeRawInspector}, whose
 * name says what it costs.
 *
 * @module
 */
import type { InspectionEvent, Observer } from 'xstate'
import { ShopperSessionError } from '../errors.ts'
import type { InspectionObserver } from '../session/config.ts'
import { redactEvent } from './redactEvent.ts'
import { registerInspector, type ShopperInspector } from './registry.ts'

/**
 * Where inspection events go: an XState observer or function, or an inspector object with an
 * `inspect` observer, such as `@statelyai/inspect`'s `createBrowserInspector()`.
 */
export type InspectionTarget = InspectionObserver | { readonly inspect: InspectionObserver }

/** The observer in `target`; throws `invalid_config` for anything else. */
function observerOf(target: InspectionTarget, label: string): Observer<InspectionEvent> {
  if (typeof target === 'function') return { next: target }
  if (typeof target === 'object' && target !== null) {
    if (typeof (target as Observer<InspectionEvent>).next === 'function') {
      return target as Observer<InspectionEvent>
    }
    const inner = (target as { inspect?: unknown }).inspect
    if (inner !== undefined && inner !== target) return observerOf(inner as InspectionTarget, label)
  }
  const reason = 'must be a function, an observer with next, or an inspector with inspect'
  throw new ShopperSessionError('invalid_config', `${label}: ${reason}`)
}

/**
 * An inspector for the session's or the account flows' `inspect` option that redacts every
 * event before `target` sees it: access, refresh and id tokens, codes, passwords and whatever
 * else `redactValue` hides become `[redacted]`, in the events sent, in snapshots (which arrive as
 * plain data, in their `toJSON()` form) and behind the actor refs, whose `getSnapshot()` answers
 * redacted too. `target` may also be an `@statelyai/inspect` inspector.
 *
 * @example
 * ```ts
 * import { createBrowserInspector } from '@statelyai/inspect'
 * import { redactedInspector } from 'shopper-session/inspect'
 *
 * const inspect = redactedInspector(createBrowserInspector())
 * const session = createShopperSession({ ...config, inspect })
 * ```
 */
export function redactedInspector(target: InspectionTarget): ShopperInspector {
  const observer = observerOf(target, 'redactedInspector')
  return registerInspector('redacted', {
    next: (event) => observer.next?.(redactEvent(event)),
  })
}

/**
 * An inspector that hands XState's inspection events to `target` as they are: snapshots hold the
 * shopper's access and refresh tokens, and the actor refs reach every actor. For a debugging
 * session on a developer's machine only; never ship it. Passwords and reset tokens stay boxed
 * (`[secret]`) even here.
 */
export function unsafeRawInspector(target: InspectionTarget): ShopperInspector {
  return registerInspector('unsafeRaw', observerOf(target, 'unsafeRawInspector'))
}
