/**
 * SLAS token answers as plain field rules: the session checks its token answers with
 * {@link SESSION_TOKEN_RESPONSE_RULES} (no schema library in the browser entry), and the zod
 * schemas of the public operations (`slasSchemas.ts`) wrap the same field rules. Rules of fields
 * the session never reads (`token_type`, `dnt`) live with those schemas.
 *
 * @see `auth-oas-v1-public.yaml` components.schemas.TokenResponse
 * @module
 */
import type { FieldRules } from '../validation/objects.ts'
import { numberThat, optional, type Rule, text } from '../validation/rules.ts'

/** A string with at least one character (tokens, ids). */
export const nonEmptyRule: Rule = text(Infinity)

/** A number of seconds that may be 0 (`refresh_token_expires_in`). */
export const secondsRule: Rule = numberThat((value) => value >= 0, 'must be a non-negative number')

/**
 * An access token lifetime (`expires_in`): a token already expired on arrival is no token (a
 * session would refresh it in a loop).
 */
export const lifetimeRule: Rule = numberThat(
  (value) => value > 0,
  'must be a positive number of seconds',
)

/** What a session keeps of a token response (any full `TokenResponse` is one). */
export interface SessionTokenResponse {
  access_token: string
  refresh_token: string
  /** Seconds until the access token expires; always positive. */
  expires_in: number
  /** Seconds until the refresh token expires; older SLAS answers omit it. */
  refresh_token_expires_in?: number | undefined
  usid: string
  customer_id: string
}

/**
 * The fields of a token response a session keeps, checked as the public `TokenResponseSchema`
 * checks them, in the order they are reported; the others are dropped unread.
 */
export const SESSION_TOKEN_RESPONSE_RULES: FieldRules<SessionTokenResponse> = {
  access_token: nonEmptyRule,
  refresh_token: nonEmptyRule,
  expires_in: lifetimeRule,
  refresh_token_expires_in: optional(secondsRule),
  usid: nonEmptyRule,
  customer_id: nonEmptyRule,
}
