/**
 * Turns zod issues into short human reasons that never echo the offending value (it may be a
 * token, a password or a client secret). zod/mini ships no locale, so the wording is ours.
 *
 * @module
 */
import type * as z from 'zod/mini'

type Issue = z.core.$ZodIssue

/** `a.b[0]`-style path, or `(root)`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out === '' ? '(root)' : out
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[part]
  }
  return current
}

function reason(issue: Issue, input: unknown): string {
  // Our own checks carry a readable message; zod/mini's defaults all say "Invalid input".
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? 'is required'
        : `must be ${issue.expected === 'number' ? 'a finite number' : `a ${issue.expected}`}`
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${String(issue.minimum)} characters`
        : `must be at least ${String(issue.minimum)}`
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${String(issue.maximum)} characters`
        : `must be at most ${String(issue.maximum)}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
    case 'invalid_union':
      return 'matches none of the allowed shapes'
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}`
    case 'invalid_format':
      return `must be a valid ${issue.format}`
    case 'invalid_key': {
      // A record key failed its own check: report that check, the key is in the path.
      const inner = issue.issues[0]
      return inner === undefined ? 'is not an allowed key' : `key ${reason(inner, undefined)}`
    }
    default:
      return 'is invalid'
  }
}

/** `path: reason` for the first issue, e.g. `expires_in: must be at least 0`. */
export function describeFirstIssue(issues: readonly Issue[], input: unknown): string {
  const issue = issues[0]
  if (issue === undefined) return '(root): is invalid'
  return `${issuePath(issue.path)}: ${reason(issue, input)}`
}
