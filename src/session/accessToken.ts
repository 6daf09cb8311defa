/**
 * `getAccessToken()`: the current access token when it is still good, else one refresh shared by
 * every caller (the machine ignores `refresh` while one runs, so 100 callers cause 1 request).
 *
 * @module
 */
import type { Actor } from 'xstate'
import type { sessionMachine } from '../../machines/sessionMachine.ts'
import type { SessionError } from '../../machines/contracts.ts'
import { toShopperSessionError } from './errors.ts'

/** The session actor. */
export type SessionActor = Actor<typeof sessionMachine>

// A token this close to expiry is refreshed rather than handed out: the request would race it.
const MIN_VALIDITY_MS = 5_000

/** Options of {@link getAccessToken}. */
export interface AccessTokenOptions {
  /** A token the API just refused (401): never return it again, refresh instead. */
  rejected?: string
}

function usable(actor: SessionActor, now: number, rejected: string | undefined): string | undefined {
  const snapshot = actor.getSnapshot()
  const tokens = snapshot.context.tokens
  if (!tokens || !snapshot.hasTag('authenticated')) return undefined
  if (tokens.accessToken === rejected) return undefined
  return now < tokens.accessExpiresAt - MIN_VALIDITY_MS ? tokens.accessToken : undefined
}

/**
 * Resolves with a usable access token, asking the machine for a refresh when needed. Rejects with
 * the coded error when the refresh fails (the machine keeps retrying transient failures), the
 * session is lost, or no session can be started.
 */
export function getAccessToken(
  actor: SessionActor,
  now: () => number,
  options: AccessTokenOptions = {},
): Promise<string> {
  const ready = usable(actor, now(), options.rejected)
  if (ready !== undefined) return Promise.resolve(ready)
  return new Promise<string>((resolve, reject) => {
    const cleanups: Array<() => void> = []
    const finish = (settle: () => void) => {
      for (const cleanup of cleanups) cleanup()
      settle()
    }
    const fail = (error: SessionError) => finish(() => reject(toShopperSessionError(error)))
    const check = () => {
      const token = usable(actor, now(), options.rejected)
      if (token !== undefined) finish(() => resolve(token))
      else if (actor.getSnapshot().hasTag('unavailable')) {
        const error = actor.getSnapshot().context.error
        fail(error ?? { code: 'network', message: 'No session could be started.' })
      } else if (actor.getSnapshot().status !== 'active') {
        fail({ code: 'aborted', message: 'The session was stopped.' })
      }
    }
    const subscription = actor.subscribe({ next: check, complete: check })
    cleanups.push(() => subscription.unsubscribe())
    for (const type of ['token.refreshFailed', 'session.reauthRequired'] as const) {
      const handler = actor.on(type, (event) => fail(event.error))
      cleanups.push(() => handler.unsubscribe())
    }
    check()
    // Still waiting: ask for a refresh (ignored while one runs or no token exists yet).
    if (options.rejected !== undefined) {
      actor.send({ type: 'token.rejected', accessToken: options.rejected })
    } else actor.send({ type: 'refresh' })
  })
}
