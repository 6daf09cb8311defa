/**
 * The wording of the issues zod's own kinds raise (lengths, numbers, enums, unions, records,
 * unknown keys, formats), for the clients whose schemas use them: Shopper Customers and Baskets,
 * Account Manager and the SLAS calls outside the session path. The fields built from `checks.ts`
 * carry their own reason, so their schemas never need these.
 *
 * @module
 */
import type { IssueDetails } from './issues.ts'

/** Reasons for zod's own issue codes, e.g. `must be at most 32 characters`. */
export const issueDetails: IssueDetails = (issue) => {
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small'
      const limit = String(small ? issue.minimum : issue.maximum)
      const unit = issue.origin === 'string' ? ' characters' : ''
      return `must be at ${small ? 'least' : 'most'} ${limit}${unit}`
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
    case 'invalid_union':
      return 'matches none of the allowed shapes'
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}`
    case 'invalid_format':
      return `must be a valid ${issue.format}`
    case 'invalid_key': {
      // A record key failed its own check: report that check (zod worded it with the same error
      // map), the key is in the path.
      const inner = issue.issues[0]
      return inner === undefined ? 'is not an allowed key' : `key ${inner.message}`
    }
    default:
      return undefined
  }
}
