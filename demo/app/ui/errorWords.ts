/**
 * What each error code means to a shopper. The page shows these words; the code itself is shown
 * beside them, small, for developers. Keyed by every code, so a code the library adds fails to
 * compile here until it has words.
 *
 * @module
 */
import type { ErrorCode } from 'shopper-session'

const WORDS: Readonly<Record<ErrorCode, string>> = {
  invalid_credentials: "That email and password don't match.",
  account_locked:
    'Too many wrong passwords: this account is locked for a while. Try again later, or reset your password.',
  invalid_grant: 'Your session has ended. Please sign in again.',
  invalid_client: 'The shop is misconfigured. Please try again later.',
  invalid_token: 'Your session has ended. Please sign in again.',
  credentials_changed: 'Your password or email changed. Please sign in again.',
  forbidden: "You're not allowed to do that.",
  not_found: "We couldn't find that.",
  conflict: 'Something changed meanwhile (perhaps in another tab). Please try again.',
  login_taken: 'An account with that email already exists. Sign in instead?',
  weak_password:
    'Choose a stronger password: at least 8 characters, with an upper-case and a lower-case letter, a digit and a symbol.',
  invalid_current_password: "Your current password isn't right.",
  invalid_reset_token: 'This reset link has expired or was already used. Ask for a new one.',
  rate_limited: 'Too many attempts just now. Please wait a moment and try again.',
  maintenance: 'The shop is down for maintenance. Please try again shortly.',
  network: "We can't reach the shop. Check your connection and try again.",
  timeout: 'The shop took too long to answer. Please try again.',
  aborted: 'That was cancelled.',
  server_error: 'Something went wrong on our side. Please try again.',
  invalid_response: 'Something went wrong on our side. Please try again.',
  bad_request: "Some of those details aren't valid. Please check them and try again.",
  invalid_config: 'The shop is misconfigured. Please try again later.',
  tampered: 'Your session could not be trusted, so we started a new one. Please sign in again.',
}

/** Words that fit one page better than the general ones (a reset's `not_found`). */
export type ErrorWordsOverride = Partial<Record<ErrorCode, string>>

/** The shopper's words for `code`. */
export function errorWords(code: ErrorCode, override: ErrorWordsOverride = {}): string {
  return override[code] ?? WORDS[code]
}
