/**
 * The password reset endpoint's wire format, shared by the handler and the browser client. No
 * imports: the browser client must stay free of server code.
 *
 * @module
 */

/**
 * The header every call must carry (value `1`). A custom header makes a cross-site browser
 * request non-simple, so the browser sends a CORS preflight first, which the handler refuses for
 * origins it does not allow: a form or image on another site cannot reach the endpoint.
 */
export const CSRF_HEADER = 'x-shopper-session'

/** The value of {@link CSRF_HEADER}. */
export const CSRF_HEADER_VALUE = '1'

/** The `action` of a request body. */
export type PasswordResetAction = 'request' | 'reset'

/** The body that asks for a reset token. */
export interface RequestTokenBody {
  action: 'request'
  login: string
}

/** The body that sets a new password. */
export interface ResetPasswordBody {
  action: 'reset'
  login: string
  token: string
  newPassword: string
}

/** What the endpoint accepts (`POST`, `content-type: application/json`). */
export type PasswordResetBody = RequestTokenBody | ResetPasswordBody

/**
 * A refusal (any non-2xx answer): a stable error code, a message safe to show, and how long to
 * wait for `rate_limited` and `maintenance` (also in `Retry-After`).
 */
export interface PasswordResetProblem {
  code: string
  message: string
  retryAfterMs?: number
}
