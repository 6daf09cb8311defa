/**
 * Turning a SLAS token response into the session's token set, and re-measuring stored tokens.
 * Every time is the client's clock at receipt plus the lifetime SLAS gave (`expires_in`), so a
 * client clock that is hours off changes nothing.
 *
 * @module
 */
import {
  type CustomerType,
  measure,
  type SessionTokens,
  type StoredTokens,
} from '../../machines/contracts.ts'
import type { SessionTokenResponse as SessionTokenResponse } from '../scapi/slasSchemas.ts'

export { measure, type StoredTokens } from '../../machines/contracts.ts'

/**
 * Stands in for what an imported session (e.g. from PWA Kit) did not carry, until the first
 * refresh replaces it: the access token, and the customer id and usid when unknown. Never a valid
 * token or id, so nothing mistakes it for one.
 */
export const IMPORT_PENDING = 'pwa-kit-import-pending'

/** Whom a token response is for: the flow that asked knows (a guest sign-in, a login as X). */
export interface TokenOwner {
  customerType: CustomerType
  /** The login of a registered shopper (as given to the login; SLAS compares without case). */
  loginId?: string | undefined
}

/**
 * The session's token set from a SLAS token response received at `now`, for `owner`. The
 * customer id is the response's `customer_id`; the access token is not decoded here (the browser
 * bundle carries no JWT reader): the flow that asked for the tokens knows whose they are.
 */
export function fromTokenResponse(
  response: SessionTokenResponse,
  now: number,
  leewayMs: number,
  owner: TokenOwner,
): SessionTokens {
  const guest = owner.customerType === 'guest'
  // Older SLAS answers omit `refresh_token_expires_in`: assume the documented defaults (30 days
  // for guests, 90 for registered shoppers).
  const refreshSeconds = response.refresh_token_expires_in ?? (guest ? 30 : 90) * 86_400
  return measure(
    {
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      customerType: owner.customerType,
      customerId: response.customer_id,
      usid: response.usid,
      loginId: guest ? undefined : owner.loginId,
      accessExpiresAt: now + response.expires_in * 1000,
      accessLifetimeMs: response.expires_in * 1000,
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
