/**
 * Access-token checking for any route that takes `Authorization: Bearer` (SLAS logout and
 * userinfo now, Shopper Customers and Baskets later): ES256 signature against the emulator's key,
 * expiry in emulator time, and revocation (logout, reset, revokeSessions).
 *
 * @module
 */
import type { EmulatorCore } from './core.ts'
import { authorization } from './http.ts'
import { verifyJwtSignature } from './jwt.ts'
import type { AccessRecord, SessionRecord } from './state.ts'

/** Why a token was refused. */
export type AccessTokenProblem = 'missing' | 'malformed' | 'expired' | 'revoked' | 'unknown'

/** Outcome of {@link verifyAccessToken}. */
export type AccessTokenCheck =
  | {
      ok: true
      claims: Record<string, unknown>
      access: AccessRecord
      /** The session (login) the token belongs to. */
      session: SessionRecord
    }
  | { ok: false; problem: AccessTokenProblem }

/** Longest accepted access token (SLAS getUserInfo caps its Authorization header at 4096). */
export const MAX_ACCESS_TOKEN_LENGTH = 4096

/**
 * Verifies a shopper access token. Tokens from before `control.reset()` are unknown (their `jti`
 * is gone), so a reset invalidates every issued token even though the key stays.
 */
export async function verifyAccessToken(
  core: EmulatorCore,
  token: string | undefined,
): Promise<AccessTokenCheck> {
  if (!token) return { ok: false, problem: 'missing' }
  if (token.length > MAX_ACCESS_TOKEN_LENGTH) return { ok: false, problem: 'malformed' }
  const jwt = await verifyJwtSignature(await core.signingKeys(), token)
  if (!jwt) return { ok: false, problem: 'malformed' }
  const { exp, nbf, jti } = jwt.payload
  if (typeof exp !== 'number' || typeof jti !== 'string') return { ok: false, problem: 'malformed' }
  const now = core.clock.now()
  if (now >= exp * 1000) return { ok: false, problem: 'expired' }
  if (typeof nbf === 'number' && now < nbf * 1000) return { ok: false, problem: 'malformed' }
  const access = core.state.accessTokens.get(jti)
  const session = access && core.state.sessions.get(access.sessionId)
  if (!access || !session || access.token !== token) return { ok: false, problem: 'unknown' }
  if (access.revoked) return { ok: false, problem: 'revoked' }
  return { ok: true, claims: jwt.payload, access, session }
}

/** Verifies the request's `Authorization: Bearer` token. */
export function verifyBearer(core: EmulatorCore, request: Request): Promise<AccessTokenCheck> {
  return verifyAccessToken(core, authorization(request, 'bearer'))
}
