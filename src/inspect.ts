/**
 * `shopper-session/inspect`: watching the statecharts at work. The session's and the account
 * flows' `inspect` option takes only an inspector made here: {@link redactedInspector}, which
 * redacts every event, snapshot and actor ref before an XState inspector (such as
 * `@statelyai/inspect`) sees it, or {@link unsafeRawInspector}, for a developer's machine only.
 * {@link toMermaid} draws a machine definition as a Mermaid state diagram. Its own subpath, so
 * the session's browser entry carries none of it.
 *
 * @example
 * ```ts
 * import { createShopperSession } from 'shopper-session'
 * import { redactedInspector } from 'shopper-session/inspect'
 *
 * const session = createShopperSession({
 *   ...config,
 *   inspect: redactedInspector((event) => console.debug(event.type, event)),
 * })
 * ```
 * @module
 */
export {
  type InspectionTarget,
  redactedInspector,
  unsafeRawInspector,
} from './inspect/inspectors.ts'
export type { RedactedActorRef } from './inspect/actorView.ts'
export type { InspectorKind, ShopperInspector } from './inspect/registry.ts'
export { toMermaid } from './inspect/mermaid.ts'
export type { InspectionObserver } from './session/config.ts'
