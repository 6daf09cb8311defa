/**
 * A refusal of one of the app's own endpoints (the password reset, the session endpoint) turned
 * back into a `ShopperSessionError` with the endpoint's code. Browser-safe: no server code, no
 * zod.
 *
 * @module
 */
import { type ErrorCode, isErrorCode, ShopperSessionError } from '../errors.ts'
import { mapFetchFailure } from './fetchFailure.ts'
import { retryAfterMs } from './retryAfter.ts'
import { cleanServerText } from './serverText.ts'

/** The code for an answer without a problem body (a proxy's page, a missing route). */
function statusCode(status: number): ErrorCode {
  if (status === 429) return 'rate_limited'
  return status >= 500 && status <= 599 ? 'server_error' : 'invalid_response'
}

/** The problem body's fields, when the answer has one. */
function readProblem(value: unknown): { code?: string; message?: string; retryAfterMs?: number } {
  if (typeof value !== 'object' || value === null) return {}
  const { code, message, retryAfterMs: wait } = value as Record<string, unknown>
  const waits = typeof wait === 'number' && Number.isFinite(wait) && wait >= 0
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(waits ? { retryAfterMs: wait } : {}),
  }
}

/** A refused call: its error, and the parsed body for endpoints that say more. */
export interface Refusal {
  error: ShopperSessionError
  /** The answer's JSON (`undefined` when it is not JSON); read only what you check. */
  body: unknown
}

/**
 * The error for a refused call: the problem body's code, else one from the status (`rate_limited`
 * for 429, `server_error` for 5xx, `invalid_response` otherwise); `retryAfterMs` from
 * `Retry-After` or the body.
 */
export async function refusal(
  operation: string,
  response: Response,
  signal: AbortSignal | undefined,
): Promise<ShopperSessionError> {
  return (await readRefusal(operation, response, signal)).error
}

/** {@link refusal}, with the answer's parsed body. */
export async function readRefusal(
  operation: string,
  response: Response,
  signal: AbortSignal | undefined,
): Promise<Refusal> {
  let text = ''
  try {
    text = await response.text()
  } catch (error) {
    if (signal?.aborted === true) {
      return { error: mapFetchFailure(operation, error, signal), body: undefined }
    }
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON (a proxy's page): the status decides the code.
  }
  const problem = readProblem(body)
  const { status } = response
  const code = problem.code !== undefined && isErrorCode(problem.code) ? problem.code : undefined
  const serverMessage = cleanServerText(problem.message)
  const what = serverMessage ?? (code === undefined ? 'unexpected answer' : undefined)
  const fromHeader = retryAfterMs(response.headers.get('retry-after'), undefined, Date.now)
  const wait = fromHeader ?? problem.retryAfterMs
  const error = new ShopperSessionError(
    code ?? statusCode(status),
    `${operation} failed: ${status}${what === undefined ? '' : ` ${what}`}`,
    {
      status,
      operation,
      ...(code === undefined ? {} : { serverError: code }),
      ...(serverMessage === undefined ? {} : { serverMessage }),
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    },
  )
  return { error, body }
}
