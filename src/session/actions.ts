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
import { type SessionActor, until } from './until.ts'

/** The events that log a shopper in. */
export type SignInEvent = SessionEvent & { type: 'login' | 'login.onBehalf' | 'register' }

/**
 * Sends `event`, then settles once the session is idle with new tokens of `tag`'s kind, or on the
 * next error the machine records.
 */
export function act(
  actor: SessionActor,
  event: SessionEvent,
  tag: 'guest' | 'registered',
): Promise<void> {
  const { error: errorBefore, tokens: before } = actor.getSnapshot().context
  let busySeen = false
  return until<void>(
    actor,
    (snapshot) => {
      if (snapshot.hasTag('busy')) {
        busySeen = true
        return undefined
      }
      const { error, tokens } = snapshot.context
      if (snapshot.hasTag(tag) && tokens && tokens.refreshToken !== before?.refreshToken) {
        return [undefined]
      }
      if (error !== undefined && error !== errorBefore) throw toShopperSessionError(error)
      // Ended without success or error: something else (another tab) took over; never hang.
      if (!busySeen) return undefined
      const interrupted = 'The action was interrupted by another change to the session.'
      throw new ShopperSessionError('aborted', interrupted)
    },
    event,
  )
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
  await act(actor, event, 'registered')
}
