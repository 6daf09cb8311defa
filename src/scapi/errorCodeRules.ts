/**
 * Choosing the error code of a failed answer: the mapping rules in order, the first that gives a
 * code wins (`src/scapi/README.md` lists them under "Mapping rules, in order"). Each rule reads
 * what `failedAnswer.ts` read and gives a code, or `undefined` to leave the answer to the next.
 *
 * @module
 */
import type { ErrorCode } from '../errors.ts'
import { type ErrorTags, TAGS } from './errorTags.ts'
import type { FailedAnswer } from './failedAnswer.ts'

/** What the rules know besides the answer: the call's kind and the caller's tags. */
export interface RuleContext {
  /** A 401 of this call refuses the API client (id, secret, strict auth), not a Bearer token. */
  readonly clientAuth: boolean
  /** The error tags of the caller's operations, looked up after the common ones. */
  readonly tags: ErrorTags
}

/** One mapping rule: the answer's code, or `undefined` when the rule does not apply. */
type CodeRule = (answer: FailedAnswer, context: RuleContext) => ErrorCode | undefined

/** `sfdc_maintenance` says the instance is in maintenance, whatever the status. */
const maintenanceHeader: CodeRule = ({ maintenanceHeader }) =>
  maintenanceHeader ? 'maintenance' : undefined

/** 429, and the 303 that the spec documents from /logout as "rate limiting in effect". */
const rateLimited: CodeRule = ({ status, operation }) =>
  status === 429 || (status === 303 && operation === 'logoutCustomer') ? 'rate_limited' : undefined

/** 5xx: the server failed; a `maintenance` tag, or a 503 that says maintenance, is maintenance. */
const serverFailed: CodeRule = ({ status, tag, text, page }) =>
  status < 500 || status > 599
    ? undefined
    : tag === 'maintenance' || (status === 503 && /maintenance/i.test(text + page))
      ? 'maintenance'
      : 'server_error'

/** Any other status that is not a 4xx is no failure the APIs document. */
const notClientError: CodeRule = ({ status }) =>
  status < 400 || status > 499 ? 'invalid_response' : undefined

// Every rule below sees a 4xx.

/** SCAPI's "Customer credentials changed after token was issued." */
const credentialsChanged: CodeRule = ({ text }) =>
  /credentials changed/.test(text) ? 'credentials_changed' : undefined

/** A 401 or 403 that says the account is locked (or locked out). */
const accountLocked: CodeRule = ({ status, text }) =>
  (status === 401 || status === 403) && /\block(?:ed| ?out)\b/.test(text)
    ? 'account_locked'
    : undefined

/**
 * SLAS answers a wrong shopper password on /login with its client-auth wording "Basic
 * Authorization failed."; a strict client auth failure there says "Authorization failed." only.
 */
const wrongShopperPassword: CodeRule = ({ operation, status, text }) =>
  operation === 'authenticateCustomer' && status === 401 && /basic authorization failed/.test(text)
    ? 'invalid_credentials'
    : undefined

/**
 * The OAuth `error` or the problem type slug, when the common or the caller's tags give it a code.
 * Own keys only: a tag such as `constructor` is no code.
 */
const tagged: CodeRule = ({ tag }, { tags }) =>
  tag ? [TAGS, tags].find((table) => Object.hasOwn(table, tag))?.[tag] : undefined

/**
 * Shopper Baskets' CustomerInfoJwtMismatch: a 400 `bad-request` whose detail says the basket
 * belongs to another customer than the token's, as `invalid-customer` says in Shopper Customers.
 */
const otherCustomersBasket: CodeRule = ({ status, text }) =>
  status === 400 && /\bthe customer is invalid\b/.test(text) ? 'forbidden' : undefined

/** A refresh token SLAS refuses: "invalid refresh_token", "Bad or missing refresh token.", … */
const deadRefreshToken: CodeRule = ({ text }) =>
  /refresh[ _]token/.test(text) && /bad|missing|invalid|expired|revoked|used/.test(text)
    ? 'invalid_grant'
    : undefined

/** Text about the client id, e.g. "Bad or missing client_id." */
const badClientId: CodeRule = ({ text }) =>
  /client[ _]id/.test(text) ? 'invalid_client' : undefined

/**
 * A refused Bearer token: a 401, or text about the access token, of a call made with a shopper's
 * or Account Manager's token rather than the API client's credentials.
 */
const refusedToken: CodeRule = ({ status, text }, { clientAuth }) =>
  !clientAuth && (status === 401 || /access[ _]token/.test(text)) ? 'invalid_token' : undefined

/** The rules before the status alone decides, in order. */
const RULES: readonly CodeRule[] = [
  maintenanceHeader,
  rateLimited,
  serverFailed,
  notClientError,
  credentialsChanged,
  accountLocked,
  wrongShopperPassword,
  tagged,
  otherCustomersBasket,
  deadRefreshToken,
  badClientId,
  refusedToken,
]

// The last word, by status: a 401 that got this far refuses the API client; any other 4xx is
// `bad_request` (a 429 never gets this far).
const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  401: 'invalid_client',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
}

/**
 * The code of a failed answer: the first rule that gives one, else the status alone decides.
 *
 * @example
 * ```ts
 * chooseCode(readFailedAnswer('getCustomer', 404, '', () => null), { clientAuth: false, tags: {} })
 * // 'not_found'
 * ```
 */
export function chooseCode(answer: FailedAnswer, context: RuleContext): ErrorCode {
  for (const rule of RULES) {
    const code = rule(answer, context)
    if (code) return code
  }
  return BY_STATUS[answer.status] ?? 'bad_request'
}
