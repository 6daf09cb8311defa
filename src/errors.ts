/**
 * The one error family of shopper-session. Every failure the library reports, whether from a
 * remote API, the network, a malformed response or bad input, is a {@link ShopperSessionError}
 * with a stable {@link ErrorCode}. Machines and apps branch on `code`, never on messages.
 *
 * @module
 */

/**
 * Every stable error code, as a runtime list (for validation and exhaustive tests).
 */
export const ERROR_CODES = [
  /** Wrong shopper login or password (SLAS `/login` 401, SCAPI `authentication-failed`). */
  'invalid_credentials',
  /** Too many wrong passwords: the login is locked for a while. */
  'account_locked',
  /** A refresh token, authorization code or PKCE verifier was refused: the grant is dead. */
  'invalid_grant',
  /** The SLAS client id or client secret was refused. */
  'invalid_client',
  /** The access token was refused (expired, revoked, wrong signature). Refresh, then retry once. */
  'invalid_token',
  /** The shopper's credentials changed after the token was issued: refreshing will not help. */
  'credentials_changed',
  /** The token is valid but lacks the right to do this (scope, other shopper's data). */
  'forbidden',
  /** The resource does not exist. */
  'not_found',
  /** The request conflicts with the server's state (e.g. two logins within one second). */
  'conflict',
  /** The login is already used by another shopper. */
  'login_taken',
  /** The new password does not satisfy the password policy. */
  'weak_password',
  /** A loginId change was sent without, or with a wrong, current password. */
  'invalid_current_password',
  /** A password reset token is unknown, used or expired. */
  'invalid_reset_token',
  /** Too many requests; `retryAfterMs` says when to try again when the server told us. */
  'rate_limited',
  /** The instance is in maintenance (`sfdc_maintenance` header or 503 maintenance page). */
  'maintenance',
  /** The request never got an HTTP answer (DNS, refused, reset, dropped connection). */
  'network',
  /** No answer within the configured time. */
  'timeout',
  /** The request was aborted by its caller (state left, actor stopped). */
  'aborted',
  /** The server failed (5xx). */
  'server_error',
  /** The server answered with something we cannot understand (schema mismatch, not JSON). */
  'invalid_response',
  /** The server refused the request as malformed (a 4xx we have no finer code for). */
  'bad_request',
  /** The library was configured or called wrongly; the message names the field and why. */
  'invalid_config',
  /**
   * Stored session data failed its integrity check (a forged, foreign or mixed session cookie, an
   * access token that does not verify): it is dropped and the shopper starts over as a guest.
   */
  'tampered',
] as const

/** A stable error code. See {@link ERROR_CODES} for the meaning of each. */
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Codes for failures that may succeed when simply tried again later. */
const TRANSIENT_CODES: readonly ErrorCode[] = [
  'network',
  'timeout',
  'server_error',
  'rate_limited',
  'maintenance',
]

/**
 * Marks every {@link ShopperSessionError}. A registered symbol is the same in every copy of the
 * library (its ESM and CJS builds, two versions in one app), where `instanceof` would tell apart
 * errors of two copies of the class.
 */
const BRAND = Symbol.for('shopper-session.error')

// The optional fields of an error, in the order they are set; `toJSON` leaves out the last one.
const FIELDS = ['status', 'operation', 'serverError', 'retryAfterMs', 'serverMessage'] as const

type OptionalField = (typeof FIELDS)[number]

/** Options for constructing a {@link ShopperSessionError}. */
export interface ShopperSessionErrorOptions {
  /** HTTP status of the response that caused the error, if any. */
  status?: number
  /** The remote API operation that failed, e.g. `getAccessToken`. */
  operation?: string
  /** The server's own error identifier (`error`, problem+json type slug, ...). */
  serverError?: string
  /** The server's own human description, already redacted. */
  serverMessage?: string
  /** Milliseconds the server asked us to wait (from `Retry-After` or rate-limit headers). */
  retryAfterMs?: number
  /** The underlying error (never exposed in `toJSON`). */
  cause?: unknown
}

/**
 * The error thrown and reported by every part of shopper-session.
 *
 * Messages and properties never contain tokens, passwords, codes or client secrets: anything
 * that comes from a server is redacted before it is stored here.
 *
 * @example
 * ```ts
 * try {
 *   await session.login({ username, password })
 * } catch (error) {
 *   if (isShopperSessionError(error, 'invalid_credentials')) showWrongPassword()
 * }
 * ```
 */
export class ShopperSessionError extends Error {
  /** The stable code: branch on this. */
  declare readonly code: ErrorCode
  /** HTTP status of the failing response, when there was one. */
  declare readonly status: number | undefined
  /** The remote operation that failed, e.g. `authenticateCustomer`. */
  declare readonly operation: string | undefined
  /** The server's error identifier (OAuth `error`, problem+json type slug), when given. */
  declare readonly serverError: string | undefined
  /** The server's description, redacted. */
  declare readonly serverMessage: string | undefined
  /** How long the server asked us to wait before retrying, in milliseconds. */
  declare readonly retryAfterMs: number | undefined

  constructor(code: ErrorCode, message: string, options: ShopperSessionErrorOptions = {}) {
    // Error keeps `options.cause` when there is one.
    super(message, options)
    this.code = code
    // Every field is an own property, `undefined` when not given.
    for (const key of FIELDS) (this as Record<OptionalField, unknown>)[key] = options[key]
    this.name = 'ShopperSessionError'
    Object.defineProperty(this, BRAND, { value: true })
  }

  /** `instanceof` holds for errors of any copy of the library (see {@link BRAND}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && BRAND in value
  }

  /** True for failures worth retrying later (network, timeout, 5xx, 429, maintenance). */
  get transient(): boolean {
    return TRANSIENT_CODES.includes(this.code)
  }

  /** Plain data for logs and machine context (`{ code, message, ... }`), without the cause. */
  toJSON(): ErrorData {
    const data: { [K in keyof ErrorData | OptionalField]?: unknown } = {
      code: this.code,
      message: this.message,
    }
    // All fields but `serverMessage`, the last one: it stays out of logs and machine context.
    for (const key of FIELDS.slice(0, -1)) {
      if (this[key] !== undefined) data[key] = this[key]
    }
    return data as ErrorData
  }
}

/** The plain-data form of an error, safe to keep in machine context, logs and snapshots. */
export interface ErrorData {
  code: ErrorCode
  message: string
  status?: number
  operation?: string
  serverError?: string
  retryAfterMs?: number
}

/**
 * Narrows `error` to a {@link ShopperSessionError}, optionally with one of the given codes.
 *
 * @example
 * ```ts
 * if (isShopperSessionError(error, 'network', 'timeout')) retryLater()
 * ```
 */
export function isShopperSessionError(
  error: unknown,
  ...codes: ErrorCode[]
): error is ShopperSessionError {
  return error instanceof ShopperSessionError && (codes.length === 0 || codes.includes(error.code))
}

/** True when `value` is one of the stable {@link ErrorCode}s. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
