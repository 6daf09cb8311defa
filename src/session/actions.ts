/**
 * Sending the session an action and settling its promise: on success, on the error the machine
 * records for it, or with `aborted` when something else (another tab) took over. Login,
 * register and logout go through here, and the server's `loginOnBehalf` too.
 *
 * @module
 */
import type { SessionEvent } from '../../machines/sessionMachine.ts'
import { ShopperSessionError } from '../errors.ts'
import { toShopperSessionError } from './errors.ts'
import { type SessionActor, type SessionSnapshot, until } from './until.ts'

/** The events that log a shopper in. */
export type SignInEvent = SessionEvent & { type: 'login' | 'login.onBehalf' | 'register' }

/** Sends with `send()`, then settles when `succeeded`, or on the next error the machine records. */
export function act(
  actor: SessionActor,
  send: () => void,
  succeeded: (snapshot: SessionSnapshot) => boolean,
): Promise<void> {
  const errorBefore = actor.getSnapshot().context.error
  let busySeen = false
  const settled = until<void>(actor, (snapshot) => {
    if (succeeded(snapshot)) return { value: undefined }
    if (snapshot.hasTag('busy')) {
      busySeen = true
      return undefined
    }
    const { error } = snapshot.context
    if (error !== undefined && error !== errorBefore) return { error: toShopperSessionError(error) }
    // Ended without success or error: something else (another tab) took over; never hang.
    if (!busySeen) return undefined
    const interrupted = 'The action was interrupted by another change to the session.'
    return { error: new ShopperSessionError('aborted', interrupted) }
  })
  send()
  return settled
}

/**
 * Logs in with `event` once the session is `ready`: from an idle guest session only (else
 * `conflict`). Resolves after the basket transfer too, so the app reads the carried-over basket.
 */
export async function signIn(
  actor: SessionActor,
  ready: () => Promise<void>,
  event: SignInEvent,
): Promise<void> {
  await ready()
  if (!actor.getSnapshot().matches({ guest: { session: { live: { activity: 'idle' } } } })) {
    throw new ShopperSessionError(
      'conflict',
      `${event.type}: needs an idle guest session (log out first, or wait for the running action)`,
      { operation: event.type },
    )
  }
  await act(
    actor,
    () => actor.send(event),
    (snapshot) => snapshot.hasTag('registered') && !snapshot.hasTag('busy'),
  )
}
