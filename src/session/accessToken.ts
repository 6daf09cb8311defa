/**
 * `getAccessToken()`: the current access token when it is still good, else one refresh shared by
 * every caller (the machine ignores `refresh` while one runs, so 100 callers cause 1 request).
 *
 * @module
 */
import { isTransientError, type SessionTokens } from '../../machines/contracts.ts'
import type { tokenRefreshMachine } from '../../machines/tokenRefreshMachine.ts'
import type { ActorRefFrom } from 'xstate'
import { toShopperSessionError } from './errors.ts'
import {
  keepWaiting,
  rejectWith,
  resolveWith,
  type SessionActor,
  type SessionSnapshot,
  until,
} from './until.ts'

/**
 * A token is handed out only while it has this much life left, so the request it goes with does
 * not race its expiry. A short-lived token (a lifetime under 10 s) needs only half its lifetime
 * left: any lifetime SLAS sends can be handed out.
 */
export const MIN_VALIDITY_MS = 5_000

/** Options of {@link getAccessToken}. */
export interface AccessTokenOptions {
  /** A token the API just refused (401): never return it again, refresh instead. */
  rejected?: string
  /** Refresh now, even when the current token is still good, and never answer with it. */
  force?: boolean
  /** Ends the wait with `aborted` (the session's refresh goes on). */
  signal?: AbortSignal
}

/** The life a token must still have to be handed out (see {@link MIN_VALIDITY_MS}). */
export function validityMargin(tokens: SessionTokens): number {
  return Math.min(MIN_VALIDITY_MS, (tokens.accessLifetimeMs ?? Infinity) / 2)
}

function usable(snapshot: SessionSnapshot, now: number, rejected: string | undefined) {
  const tokens = snapshot.context.tokens
  if (!tokens || !snapshot.hasTag('tokenValid') || tokens.accessToken === rejected) return
  return now < tokens.accessExpiresAt - validityMargin(tokens) ? tokens.accessToken : undefined
}

/** The session's refresh timer child. */
type RefreshTimer = ActorRefFrom<typeof tokenRefreshMachine>

/** True once the session has stopped retrying on its own (it waits for a caller or the network). */
function gaveUp(snapshot: SessionSnapshot): boolean {
  const refresh = snapshot.children.tokenRefresh as RefreshTimer | undefined
  return snapshot.hasTag('unavailable') || refresh?.getSnapshot().hasTag('waiting') === true
}

/**
 * Resolves with a usable access token, asking the machine for a refresh when needed. Rejects with
 * the coded error when the refresh is refused, the session is lost, or no session can be
 * started; a transient failure is waited out while the session retries, until it stops retrying
 * or `wait.timeoutMs` passes (then the last failure is the rejection).
 */
export function getAccessToken(
  actor: SessionActor,
  now: () => number,
  { rejected: refused, force, signal }: AccessTokenOptions,
  timeoutMs: number,
): Promise<string> {
  // A forced refresh treats the token held now as refused: only a newer one answers.
  const rejected = force ? (actor.getSnapshot().context.tokens?.accessToken ?? refused) : refused
  // Any new failure after this point answers the waiting callers.
  const errorBefore = actor.getSnapshot().context.error
  // A usable token answers at once; else the machine is asked for a refresh.
  return until<string>(
    actor,
    (snapshot) => {
      const token = usable(snapshot, now(), rejected)
      if (token !== undefined) return resolveWith(token)
      const { error } = snapshot.context
      // A new refusal, or a new failure after which the session no longer retries on its own.
      const fresh = error !== undefined && error !== errorBefore
      if (fresh && (!isTransientError(error) || gaveUp(snapshot))) {
        return rejectWith(toShopperSessionError(error))
      }
      return keepWaiting
    },
    {
      signal,
      timeoutMs,
      request:
        rejected === undefined
          ? { type: 'refresh' }
          : { type: 'token.rejected', accessToken: rejected },
    },
  )
}
