/**
 * Checking an Account Manager bearer token on the Shopper Customers routes that use the `AmOAuth2`
 * scheme: ES256 signature against the emulator key, expiry in emulator time, a `jti` this
 * emulator issued (so `control.reset()` invalidates them), and the scope.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { authorization } from '../http.ts'
import { verifyJwtSignature } from '../jwt.ts'
import { MAX_ACCESS_TOKEN_LENGTH } from '../verify.ts'
import type { AmTokenRecord } from './model.ts'

/** Outcome of {@link verifyAccountManagerBearer}. */
export type AmTokenCheck = { ok: true; record: AmTokenRecord } | { ok: false }

/** Verifies the request's `Authorization: Bearer` as an Account Manager token. */
export async function verifyAccountManagerBearer(
  core: EmulatorCore,
  request: Request,
): Promise<AmTokenCheck> {
  const token = authorization(request, 'bearer')
  if (!token || token.length > MAX_ACCESS_TOKEN_LENGTH) return { ok: false }
  const jwt = await verifyJwtSignature(await core.signingKeys(), token)
  const jti = jwt?.payload.jti
  if (typeof jti !== 'string') return { ok: false }
  const record = core.state.amTokens.get(jti)
  const live = record && record.token === token && core.clock.now() < record.expiresAt
  return live ? { ok: true, record } : { ok: false }
}
