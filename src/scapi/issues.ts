/**
 * Turns zod issues into short human reasons that never echo the offending value (it may be a
 * token, a password or a client secret). No zod locale is bundled, so the wording is ours.
 *
 * The fields made from plain rules (checks.ts) carry their reason, and a type mismatch is worded
 * here as the rules word it (`must be a string`, `must be an object`); the wording of zod's own
 * kinds (lengths, enums, records, unknown keys) lives in {@link ./issueDetails.ts} and is passed
 * in by the clients whose schemas use them. (The browser session validates without zod.)
 *
 * @module
 */
import { type $ZodIssue, type $ZodType, type output, safeParse } from 'zod/v4/core'

/** One zod issue. */
export type Issue = $ZodIssue

/** Words an issue that carries no reason of its own, or gives up (`undefined`). */
export type IssueDetails = (issue: Issue) => string | undefined

/**
 * Why `issue` failed, e.g. `is required` or `must be a string`; "is invalid" when unknown. A type
 * mismatch needs the issue's `input` (parse with `reportInput`, as {@link parseOrThrow} does).
 */
export function issueReason(issue: Issue, details?: IssueDetails): string {
  // Our own checks carry a readable message; zod's defaults (no locale) all say "Invalid input".
  if (issue.message !== 'Invalid input') return issue.message
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
  // The inputs stay on the issues (to tell a missing field from a mistyped one); they are
  // dropped with the issues, never copied into the error. Core's safeParse takes any schema
  // (core or zod/mini), so the browser entry carries no schema wrapper class.
  const result = safeParse(schema, value, { reportInput: true })
  if (result.success) return result.data
  // A failed parse has at least one issue. Its path reads `a.b[0]`, or `(root)`.
  const issue = result.error.issues[0] as Issue
  const path = issue.path.map((part) =>
    typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
  )
  throw fail(`${path.join('').replace(/^\./, '') || '(root)'}: ${issueReason(issue, details)}`)
}
