/**
 * `getAccessToken()`: the current access token when it is still good, else one refresh shared by
 * every caller (the machine ignores `refresh` while one runs, so 100 callers cause 1 request).
 *
 * @module
 */
import { toShopperSessionError } from './errors.ts'
import { type SessionActor, type SessionSnapshot, until } from './until.ts'

// A token this close to expiry is refreshed rather than handed out: the request would race it.
const MIN_VALIDITY_MS = 5_000

/** Options of {@link getAccessToken}. */
export interface AccessTokenOptions {
  /** A token the API just refused (401): never return it again, refresh instead. */
  rejected?: string
}

function usable(snapshot: SessionSnapshot, now: number, rejected: string | undefined) {
  const tokens = snapshot.context.tokens
  if (!tokens || !snapshot.hasTag('authenticated') || tokens.accessToken === rejected) return
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
  { rejected }: AccessTokenOptions = {},
): Promise<string> {
  // Any new failure after this point answers the waiting callers.
  const errorBefore = actor.getSnapshot().context.error
  // A usable token answers at once; else the machine is asked for a refresh.
  return until<string>(
    actor,
    (snapshot) => {
      const token = usable(snapshot, now(), rejected)
      if (token !== undefined) return [token]
      const { error } = snapshot.context
      // A new failure, or the one that keeps the session from starting.
      if (error !== undefined && (error !== errorBefore || snapshot.hasTag('unavailable'))) {
        throw toShopperSessionError(error)
      }
      return undefined
    },
    rejected === undefined
      ? { type: 'refresh' }
      : { type: 'token.rejected', accessToken: rejected },
  )
}
