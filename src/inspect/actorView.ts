/**
 * What a redacting inspector shows in place of an actor ref. XState's inspection events carry
 * the live actors (`actorRef`, `sourceRef`); through one, an inspector could read any raw
 * snapshot (`getSnapshot()`, which `@statelyai/inspect` calls later, when it gets round to an
 * actor), the actor system and, from there, every other actor. The view is a plain object with
 * an allow-list of members instead of a proxy with a deny-list: nothing is reachable that was
 * not put there, and every snapshot it answers with is redacted when it is read.
 *
 * @module
 */
import type { AnyActorRef, AnyEventObject } from 'xstate'
import { redactedData } from './plain.ts'

/** An actor as a redacting inspector's observer sees it: names, and redacted snapshots only. */
export interface RedactedActorRef {
  /** The actor's id (its invoke id, or the machine's). */
  readonly id: string
  /** The actor's unique id in its system (what inspectors key actors by). */
  readonly sessionId: string
  /** The parent actor, viewed the same way (inspectors read its `sessionId`). */
  readonly _parent?: RedactedActorRef
  /**
   * The actor's definition, for inspectors that draw it: a machine's config is its source,
   * the same for every shopper, not run-time data.
   */
  readonly logic?: { readonly config: unknown }
  /** The actor's current snapshot as redacted plain data (`toJSON()` form). */
  getSnapshot(): unknown
  /** The actor's persisted snapshot, redacted. */
  getPersistedSnapshot(): unknown
  /** Sends `event` to the actor (inspection tools that drive an actor keep working). */
  send(event: AnyEventObject): void
  /** What serializers see: the actor's names. */
  toJSON(): { id: string; sessionId: string }
}

// One view per actor, so an inspector that keys by object sees the same actor as the same view.
const views = new WeakMap<object, RedactedActorRef>()

/** The redacted view of `actor` (made once per actor). */
export function actorView(actor: AnyActorRef): RedactedActorRef {
  let view = views.get(actor)
  if (!view) {
    const { id, sessionId } = actor
    const parent = actor._parent
    const config = (actor as { logic?: { config?: unknown } }).logic?.config
    view = Object.freeze({
      id,
      sessionId,
      ...(parent ? { _parent: actorView(parent) } : {}),
      ...(config === undefined ? {} : { logic: Object.freeze({ config }) }),
      getSnapshot: () => redactedData(actor.getSnapshot()),
      getPersistedSnapshot: () => redactedData(actor.getPersistedSnapshot()),
      send: (event: AnyEventObject) => actor.send(event),
      toJSON: () => ({ id, sessionId }),
    })
    views.set(actor, view)
  }
  return view
}
