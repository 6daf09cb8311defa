/**
 * Sending the session an action and settling its promise: on success, on the error the machine
 * records for it, or with `aborted` when something else (a logout, another tab) took over. Login,
 * register and logout go through here, and the server's `loginOnBehalf` too.
 *
 * @module
 */
import type { SessionEvent } from '../../machines/sessionMachine.ts'
import { ShopperSessionError } from '../errors.ts'
import { toShopperSessionError } from './errors.ts'
import { keepWaiting, rejectWith, resolveWith, type SessionActor, until } from './until.ts'

/** The events that log a shopper in. */
export type SignInEvent = SessionEvent & { type: 'login' | 'login.onBehalf' | 'register' }

/** Options of the session's actions. */
export interface ActionOptions {
  /** Ends the caller's wait with `aborted`; what the session already sent still completes. */
  signal?: AbortSignal | undefined
}

/** Logins compare without case, as SLAS and Shopper Customers do. */
export function sameLogin(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase()
}

/**
 * Sends `event`, then settles once the session is idle with new tokens of `tag`'s kind (of the
 * shopper `login`, when given), or on the next error the machine records.
 */
export function act(
  actor: SessionActor,
  event: SessionEvent,
  tag: 'guest' | 'registered',
  { signal, login }: ActionOptions & { login?: string } = {},
): Promise<void> {
  const { error: errorBefore, tokens: before } = actor.getSnapshot().context
  let busySeen = false
  return until<void>(
    actor,
    (snapshot) => {
      if (snapshot.hasTag('busy')) {
        busySeen = true
        return keepWaiting
      }
      const { error, tokens } = snapshot.context
      if (snapshot.hasTag(tag) && tokens && tokens.refreshToken !== before?.refreshToken) {
        if (login === undefined || sameLogin(tokens.loginId, login)) return resolveWith(undefined)
        // Another tab logged another shopper in meanwhile: this login did not happen.
        const message = `${event.type}: another shopper signed in meanwhile (another tab)`
        return rejectWith(new ShopperSessionError('conflict', message, { operation: event.type }))
      }
      if (error !== undefined && error !== errorBefore) {
        return rejectWith(toShopperSessionError(error))
      }
      // Ended without success or error: something else (another tab) took over; never hang.
      if (!busySeen) return keepWaiting
      const interrupted = 'The action was interrupted by another change to the session.'
      return rejectWith(new ShopperSessionError('aborted', interrupted))
    },
    { request: event, signal },
  )
}

/**
 * Logs in with `event` once the session is `ready`: from an idle guest session only (else
 * `conflict`). Resolves after the basket transfer too, so the app reads the carried-over basket;
 * only on `login`'s own sign-in (another tab's login of someone else rejects with `conflict`).
 */
export async function signIn(
  actor: SessionActor,
  ready: (options?: ActionOptions) => Promise<void>,
  event: SignInEvent,
  login: string,
  options: ActionOptions = {},
): Promise<void> {
  await ready(options)
  if (!actor.getSnapshot().matches({ guest: { session: { live: { activity: 'idle' } } } })) {
    throw new ShopperSessionError(
      'conflict',
      `${event.type}: needs an idle guest session (log out first, or wait for the running action)`,
      { operation: event.type },
    )
  }
  await act(actor, event, 'registered', { ...options, login })
}
