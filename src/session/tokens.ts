/**
 * Turning a SLAS token response into the session's token set, and re-measuring stored tokens.
 * Every time is the client's clock at receipt plus the lifetime SLAS gave (`expires_in`), so a
 * client clock that is hours off changes nothing.
 *
 * @module
 */
import { measure, type SessionTokens, type StoredTokens } from '../../machines/contracts.ts'
import { readShopperToken } from '../scapi/jwtClaims.ts'
import type { TokenResponse } from '../scapi/slasSchemas.ts'

export { measure, type StoredTokens } from '../../machines/contracts.ts'

/**
 * Stands in for what an imported session (e.g. from PWA Kit) did not carry, until the first
 * refresh replaces it: the access token, and the customer id and usid when unknown. Never a valid
 * token or id, so nothing mistakes it for one.
 */
export const IMPORT_PENDING = 'pwa-kit-import-pending'

/**
 * The session's token set from a SLAS `TokenResponse` received at `now`. The customer type,
 * customer id and login come from the access token's claims (what SLAS signed), not from the
 * response fields.
 */
export function fromTokenResponse(
  response: TokenResponse,
  now: number,
  leewayMs: number,
): SessionTokens {
  const { customerType, customerId, loginId } = readShopperToken(response.access_token)
  const guest = customerType === 'guest'
  // Older SLAS answers omit `refresh_token_expires_in`: assume the documented defaults (30 days
  // for guests, 90 for registered shoppers).
  const refreshSeconds = response.refresh_token_expires_in ?? (guest ? 30 : 90) * 86_400
  return measure(
    {
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      customerType,
      customerId,
      usid: response.usid,
      ...(guest ? {} : { loginId }),
      accessExpiresAt: now + response.expires_in * 1000,
      refreshExpiresAt: now + refreshSeconds * 1000,
    },
    now,
    leewayMs,
    true,
  )
}

/** Drops the timing fields (they are meaningless once written). */
export function toStored(tokens: SessionTokens): StoredTokens {
  const { refreshInMs: _refresh, expiresInMs: _expires, ...stored } = tokens
  return stored
}
