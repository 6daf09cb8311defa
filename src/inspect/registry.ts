/**
 * The handle the session and the account flows take as their `inspect` option: an opaque value
 * that only `shopper-session/inspect` makes. The observer behind it sits in a registry, not in a
 * field of the handle, so a plain function or observer object can never pass for one: an app
 * that wants inspection has to say whether the stream is redacted or raw.
 *
 * The session entry reads the registry (one lookup); the redaction code lives in the inspect
 * entry alone, so the core bundle does not carry it.
 *
 * @module
 */
import type { InspectionEvent, Observer } from 'xstate'

declare const INSPECTOR: unique symbol

/** How an inspector shows the actors: `redacted` (the default) or `unsafeRaw`. */
export type InspectorKind = 'redacted' | 'unsafeRaw'

/**
 * An inspector for the session's and the account flows' `inspect` option. Make one with
 * `redactedInspector(observer)` (secrets replaced by `[redacted]`) or, to see raw tokens,
 * `unsafeRawInspector(observer)`, both from `shopper-session/inspect`.
 */
export interface ShopperInspector {
  /** Whether what the observer receives is redacted. */
  readonly kind: InspectorKind
  /** Brand: only `shopper-session/inspect` makes inspectors. */
  readonly [INSPECTOR]: InspectorKind
}

/** Why an `inspect` option was refused (after the option's name). */
export const INSPECTOR_REQUIRED =
  'must be wrapped: redactedInspector(observer) from shopper-session/inspect'

// Shared by every copy of the library in one realm (its ESM and CJS builds), as the secret
// vault is: an inspector made by one is accepted by the other.
const REGISTRY = Symbol.for('shopper-session.inspectors')

type Registry = WeakMap<object, Observer<InspectionEvent>>

function registry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry }
  global[REGISTRY] ??= new WeakMap()
  return global[REGISTRY]
}

/** A new inspector handle whose inspection events go to `observer` (already redacting or not). */
export function registerInspector(
  kind: InspectorKind,
  observer: Observer<InspectionEvent>,
): ShopperInspector {
  const handle = Object.freeze({ kind }) as ShopperInspector
  registry().set(handle, observer)
  return handle
}

/**
 * The observer behind an inspector handle, for `createActor`'s `inspect`; `undefined` for
 * anything that is not a handle made by {@link registerInspector}.
 */
export function inspectionObserver(value: unknown): Observer<InspectionEvent> | undefined {
  // Read without creating the registry (no inspector made yet: none to find). WeakMap#get
  // answers `undefined` for any key that is not an object.
  return (globalThis as { [REGISTRY]?: Registry })[REGISTRY]?.get(value as object)
}
