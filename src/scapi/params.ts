/**
 * Checking what a caller passes to an operation before anything is sent: parameters are a
 * programming matter (`invalid_config`), request bodies are data (`bad_request`, the code the
 * server's own 400 would get, so callers handle one code for both).
 *
 * @module
 */
import type { $ZodType, output } from 'zod/v4/core'
import type { ErrorCode } from '../errors.ts'
import { headerSecret } from './configFields.ts'
import { type IssueDetails, parseOrThrow } from './issues.ts'
import { operationError } from './operationError.ts'

/** Per-call options of every operation. */
export interface CallOptions {
  /** Aborts the request (leaving a machine state aborts its call). */
  signal?: AbortSignal
}

export { text } from './checks.ts'

/** A required string of 1..`max` characters that can travel in an HTTP header. */
export const headerText = headerSecret

/**
 * Validates an operation's input into a `code` error (default `invalid_config`) naming the field,
 * never its value (`details`: see `parseOrThrow`).
 */
export function parseParams<S extends $ZodType>(
  operation: string,
  schema: S,
  params: unknown,
  code: ErrorCode = 'invalid_config',
  details?: IssueDetails,
): output<S> {
  const fail = (issue: string) => operationError(code, operation, `: ${issue}`)
  return parseOrThrow(schema, params ?? {}, fail, details)
}
