/**
 * Turns zod issues into short human reasons that never echo the offending value (it may be a
 * token, a password or a client secret). No zod locale is bundled, so the wording is ours.
 *
 * The wording is zod's public error customization: a message the schema gives wins (the fields
 * made from plain rules in `checks.ts` carry the rule's reason, as do `z.custom(fn, 'must be …')`
 * and checks such as `z.minLength(1, 'must not be empty')`); every issue left without one is worded
 * by the error map {@link parseOrThrow} passes to the parse: a type mismatch as the plain rules
 * word it (`is required`, `must be a string`), zod's own kinds (lengths, enums, records, unknown
 * keys) by the `details` the clients whose schemas use them pass in (`issueDetails.ts`). The
 * browser session validates without zod.
 *
 * @module
 */
import {
  type $ZodIssue,
  type $ZodRawIssue,
  type $ZodType,
  type output,
  safeParse,
} from 'zod/v4/core'

/** One zod issue as an error map sees it: its code, path and fields, and the input it refused. */
export type Issue = $ZodRawIssue

/** Words an issue of zod's own kinds, or gives up (`undefined`). */
export type IssueDetails = (issue: Issue) => string | undefined

/**
 * Why `issue` failed, for an issue whose schema gave no message: `is required` or
 * `must be a string` for a type mismatch, else what `details` says, else "is invalid".
 */
export function issueReason(issue: Issue, details?: IssueDetails): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required'
    const expected = issue.expected === 'number' ? 'finite number' : issue.expected
    return `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}` // an object, an array
  }
  return details?.(issue) ?? 'is invalid'
}

/**
 * Parses `value` with `schema`, else throws `fail(reason)` where `reason` is `path: why` of the
 * first issue, e.g. `expires_in: must be a finite number`; never the value itself. `details`
 * words the issues of zod's own kinds (see `issueDetails.ts`).
 */
export function parseOrThrow<S extends $ZodType>(
  schema: S,
  value: unknown,
  fail: (reason: string) => Error,
  details?: IssueDetails,
): output<S> {
  // zod asks the parse's error map only for issues without a message of their own. The issues
  // keep no input (no `reportInput`), so no part of the value can reach the error. Core's
  // safeParse takes any schema (core or zod/mini), so no schema wrapper class is bundled for it.
  const error = (issue: Issue) => issueReason(issue, details)
  const result = safeParse(schema, value, { error })
  if (result.success) return result.data
  // A failed parse has at least one issue. Its path reads `a.b[0]`, or `(root)`.
  const { path, message } = result.error.issues[0] as $ZodIssue
  const where = path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
  throw fail(`${where.join('').replace(/^\./, '') || '(root)'}: ${message}`)
}
