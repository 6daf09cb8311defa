/**
 * A place for a flow's secrets (a reset token, a password) that is not the machine's context.
 *
 * Context is persisted, inspected and logged; a secret that a flow needs twice (the password for
 * the update and again for the re-login) must still live somewhere between the two steps. The
 * flow machines invoke this actor once, for their whole run, and talk to it with events: the
 * secrets sit in the callback's closure only, so neither the flow's context nor any snapshot of
 * it (persisted or not) holds them, and they are gone when the flow stops. A flow restored from
 * a persisted snapshot finds the hold empty, which the flows treat as "ask the shopper again".
 *
 * @module
 */
import { fromCallback } from 'xstate'
import type { Secret } from '../src/secret.ts'

/** The secrets a flow holds, boxed: by name, e.g. `token`, `password`. */
export type HeldSecrets = Readonly<Partial<Record<'token' | 'password', Secret>>>

/** Events the hold accepts. */
export type SecretHoldEvent =
  /** Keeps these secrets (merged over the ones already held). */
  | { type: 'secrets.hold'; secrets: HeldSecrets }
  /** Answers with {@link SecretsReleasedEvent}; the secrets stay held. */
  | { type: 'secrets.release' }
  /** Drops the named secrets (all of them without `names`). */
  | { type: 'secrets.forget'; names?: ReadonlyArray<keyof HeldSecrets> }

/** The hold's answer to `secrets.release`, sent to the flow that invoked it. */
export interface SecretsReleasedEvent {
  type: 'secrets.released'
  secrets: HeldSecrets
}

/**
 * The hold itself. It takes no input on purpose: an invoked actor's input is part of its
 * snapshot, events are not.
 */
export const secretHold = fromCallback<SecretHoldEvent>(({ receive, sendBack }) => {
  let held: Partial<Record<keyof HeldSecrets, Secret>> = {}
  receive((event) => {
    if (event.type === 'secrets.hold') held = { ...held, ...event.secrets }
    else if (event.type === 'secrets.release') {
      const released: SecretsReleasedEvent = { type: 'secrets.released', secrets: { ...held } }
      sendBack(released)
    } else if (event.names === undefined) held = {}
    else for (const name of event.names) delete held[name]
  })
  return () => {
    held = {}
  }
})
