/**
 * What the password reset endpoint tells a browser when a call fails: a status, a stable code and
 * a message safe to show. Upstream details (Account Manager refusing our credentials, a SCAPI
 * outage) stay on the server: the browser only learns that the service is unavailable.
 *
 * @module
 */
import { type ErrorCode, ShopperSessionError } from '../../errors.ts'
import type { PasswordResetProblem } from '../../account/resetWire.ts'

/** A refusal, before it becomes a Response. */
export interface Problem {
  status: number
  code: ErrorCode
  message: string
  retryAfterMs?: number
  /** True for failures the operator should hear about (5xx). */
  serverFault: boolean
}

const UNAVAILABLE = 'The password reset service is unavailable; try again later.'

// The codes a shopper's input or the shopper's situation explains; everything else is ours.
const SHOPPER_CODES: Partial<Record<ErrorCode, { status: number; message: string }>> = {
  not_found: { status: 404, message: 'No shopper has this login.' },
  invalid_reset_token: {
    status: 400,
    message: 'The reset link is invalid, used or expired; request a new one.',
  },
  weak_password: { status: 400, message: 'The new password does not meet the password policy.' },
  rate_limited: { status: 429, message: 'Too many attempts; try again later.' },
}

// How long to ask a client to wait after a 429 when nobody said (Retry-After is required there).
const DEFAULT_RETRY_AFTER_MS = 60_000

/**
 * The problem for a failed service call. `bad_request` without a status is the service's own
 * input check, whose message names the field; any other code not explained by the shopper is an
 * upstream or server fault (502, or 503/504 for maintenance and timeouts, 500 for a failed
 * delivery or a bug).
 */
export function problemFor(error: unknown): Problem {
  if (!(error instanceof ShopperSessionError)) {
    return { status: 500, code: 'server_error', message: UNAVAILABLE, serverFault: true }
  }
  const { code } = error
  const known = SHOPPER_CODES[code]
  if (known !== undefined) {
    const retryAfterMs =
      code === 'rate_limited' ? (error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS) : undefined
    return { ...known, code, serverFault: false, ...(retryAfterMs ? { retryAfterMs } : {}) }
  }
  if (code === 'bad_request' && error.status === undefined) {
    return { status: 400, code, message: error.message, serverFault: false }
  }
  if (code === 'maintenance') {
    const wait = error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }
    return { status: 503, code, message: UNAVAILABLE, serverFault: true, ...wait }
  }
  if (code === 'timeout') return { status: 504, code, message: UNAVAILABLE, serverFault: true }
  const status = error.operation === 'deliverToken' ? 500 : 502
  return { status, code: 'server_error', message: UNAVAILABLE, serverFault: true }
}

/**
 * A problem as a JSON Response (`Retry-After` in whole seconds when there is a wait); `extra`
 * fields join the body (the session endpoint adds the session's state).
 */
export function problemResponse(
  problem: Pick<Problem, 'status' | 'code' | 'message' | 'retryAfterMs'>,
  headers: Record<string, string> = {},
  extra: object = {},
): Response {
  const body: PasswordResetProblem = { ...extra, code: problem.code, message: problem.message }
  const all: Record<string, string> = { ...headers }
  if (problem.retryAfterMs !== undefined) {
    body.retryAfterMs = problem.retryAfterMs
    all['retry-after'] = String(Math.max(1, Math.ceil(problem.retryAfterMs / 1000)))
  }
  return Response.json(body, { status: problem.status, headers: all })
}

/**
 * What an operator needs from a failure; never its message (it may name the shopper). The code
 * goes under `errorCode`: the redacting logger hides any value under a key named `code`.
 */
export function failureSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { thrown: typeof error }
  const { code, operation, status } = error as Error & Record<string, unknown>
  return { name: error.name, errorCode: code, operation, status }
}
