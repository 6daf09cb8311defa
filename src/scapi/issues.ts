/**
 * Turns zod issues into short human reasons that never echo the offending value (it may be a
 * token, a password or a client secret). zod/mini ships no locale, so the wording is ours.
 *
 * The session path only meets our own checks (which carry their reason) and type mismatches; the
 * wording of zod's own kinds (lengths, enums, records, unknown keys) lives in
 * {@link ./issueDetails.ts} and is passed in by the clients whose schemas use them.
 *
 * @module
 */
import type * as z from 'zod/mini'

/** One zod issue. */
export type Issue = z.core.$ZodIssue

/** Words an issue that carries no reason of its own, or gives up (`undefined`). */
export type IssueDetails = (issue: Issue) => string | undefined

/** `a.b[0]`-style path, or `(root)`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`
  }
  return out || '(root)'
}

/** Why `issue` failed, e.g. `is required` or `must be a string`; "is invalid" when unknown. */
export function issueReason(issue: Issue, input: unknown, details?: IssueDetails): string {
  // Our own checks carry a readable message; zod/mini's defaults all say "Invalid input".
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  if (issue.code === 'invalid_type') {
    let value = input
    for (const part of issue.path) {
      const parent = typeof value === 'object' && value !== null ? value : {}
      value = (parent as Record<PropertyKey, unknown>)[part]
    }
    return value === undefined
      ? 'is required'
      : `must be ${issue.expected === 'number' ? 'a finite number' : `a ${issue.expected}`}`
  }
  return details?.(issue) ?? 'is invalid'
}

/**
 * `path: reason` for the first issue, e.g. `expires_in: must be a finite number`. `details` words
 * the issues of zod's own kinds (see `issueDetails.ts`).
 */
export function describeFirstIssue(
  issues: readonly Issue[],
  input: unknown,
  details?: IssueDetails,
): string {
  const issue = issues[0]
  if (issue === undefined) return '(root): is invalid'
  return `${issuePath(issue.path)}: ${issueReason(issue, input, details)}`
}
