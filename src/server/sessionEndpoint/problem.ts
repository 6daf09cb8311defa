/**
 * What the session endpoint tells a browser when a call fails: a status, the stable code and a
 * fixed message. Codes the shopper can act on keep their code; upstream faults (SLAS refusing
 * our client, an outage, a bad answer) become `server_error` with no detail: their text may
 * name the shopper or the configuration.
 *
 * @module
 */
import { type ErrorCode, ShopperSessionError } from '../../errors.ts'
import type { Problem } from '../passwordReset/problem.ts'

const UNAVAILABLE = 'The session service is unavailable; try again later.'

// The codes a shopper's input or situation explains, each with a message safe to show.
const SHOPPER_CODES: Partial<Record<ErrorCode, { status: number; message: string }>> = {
  invalid_credentials: { status: 401, message: 'Wrong login or password.' },
  account_locked: { status: 403, message: 'This login is locked for a while; try again later.' },
  login_taken: { status: 409, message: 'This login belongs to another shopper.' },
  weak_password: { status: 400, message: 'The password does not meet the password policy.' },
  conflict: { status: 409, message: 'Another sign-in or sign-out overtook this one.' },
  invalid_grant: { status: 401, message: 'The session ended; sign in again.' },
  credentials_changed: { status: 401, message: 'The credentials changed; sign in again.' },
  rate_limited: { status: 429, message: 'Too many attempts; try again later.' },
  bad_request: { status: 400, message: 'The request was refused as malformed.' },
}

// How long to ask a client to wait after a 429 when nobody said (Retry-After is required there).
const DEFAULT_RETRY_AFTER_MS = 60_000

/**
 * The problem for a failed session call. `bad_request` without a status is the endpoint's own
 * input check, whose message names the field (never its value); one with a status came from
 * SCAPI (a registration it refused) and gets the fixed message.
 */
export function sessionProblemFor(error: unknown): Problem {
  if (!(error instanceof ShopperSessionError)) {
    return { status: 500, code: 'server_error', message: UNAVAILABLE, serverFault: true }
  }
  const { code } = error
  if (code === 'bad_request' && error.status === undefined) {
    return { status: 400, code, message: error.message, serverFault: false }
  }
  const known = SHOPPER_CODES[code]
  if (known !== undefined) {
    const wait =
      code === 'rate_limited' ? { retryAfterMs: error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS } : {}
    return { ...known, code, serverFault: false, ...wait }
  }
  if (code === 'maintenance') {
    const wait = error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }
    return { status: 503, code, message: UNAVAILABLE, serverFault: true, ...wait }
  }
  if (code === 'timeout') return { status: 504, code, message: UNAVAILABLE, serverFault: true }
  return { status: 502, code: 'server_error', message: UNAVAILABLE, serverFault: true }
}
