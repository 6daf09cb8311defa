/**
 * What the account flows need from a session, and the two steps they share: dropping the
 * registered session everywhere, and logging in again.
 *
 * @module
 */
import type { SessionTokens } from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'
import type { ShopperSession } from '../session.ts'

/** The members of a session the account flows use (a `ShopperSession` has them all). */
export type AccountSession = Pick<
  ShopperSession,
  'actor' | 'ready' | 'getTokens' | 'login' | 'logout' | 'getAccessToken' | 'fetch' | 'scapi'
>

/** Registered tokens that know their login. */
export type RegisteredTokens = SessionTokens & { customerType: 'registered'; loginId: string }

/**
 * The session's registered tokens; throws `conflict` for a guest (or a session not started):
 * these flows change a registered shopper's credentials.
 */
export function registeredTokens(session: AccountSession, operation: string): RegisteredTokens {
  const tokens = session.getTokens()
  if (tokens?.customerType !== 'registered' || tokens.loginId === undefined) {
    throw new ShopperSessionError(
      'conflict',
      `${operation}: needs a registered session with a known login (log the shopper in first)`,
      { operation },
    )
  }
  return tokens as RegisteredTokens
}

/**
 * Ends the registered session the session holds, if any: storage first, then the other tabs
 * (they follow the change notice), then a new guest session. `remote: false` when SLAS already
 * refuses the tokens (the credentials changed), so no request is wasted on them.
 */
export async function dropRegistered(
  session: AccountSession,
  options: { remote: boolean },
): Promise<void> {
  await session.ready()
  // Already a guest (another tab dropped it, or a refresh found it dead): nothing to end.
  if (session.getTokens()?.customerType !== 'registered') return
  await session.logout({ remote: options.remote })
}

/** Logs the (guest) session in and returns the registered tokens it holds then. */
export async function logIn(
  session: AccountSession,
  username: string,
  password: string,
): Promise<SessionTokens> {
  await session.login(username, password)
  const tokens = session.getTokens()
  if (tokens?.customerType !== 'registered') {
    throw new ShopperSessionError(
      'aborted',
      'The login was replaced by another change to the session.',
      { operation: 'authenticateCustomer' },
    )
  }
  return tokens
}

/**
 * The login after a credential change (new loginId or password): the old tokens are dead, so
 * when it fails the guest session is told `reauthRequired` (tag and `session.reauthRequired`
 * event), as when a refresh token is refused: the app shows the login form.
 */
export async function logInAgain(
  session: AccountSession,
  username: string,
  password: string,
): Promise<SessionTokens> {
  try {
    return await logIn(session, username, password)
  } catch (error) {
    const { code, message } =
      error instanceof ShopperSessionError ? error : { code: 'aborted' as const, message: '' }
    session.actor.send({ type: 'reauth.required', error: { code, message } })
    throw error
  }
}

export { sameLogin } from '../session/actions.ts'
