/**
 * Redaction of secrets in free text and structured values, used by errors built from server text,
 * the logger port and the inspector. Zero dependencies, a handful of linear regular expressions.
 *
 * @module
 */

/** What a redacted secret is replaced with. */
export const REDACTED = '[redacted]'

// Keys whose values are secrets. Besides the exact names, any key ending in `token`, `password` or
// `secret` counts (`refresh_token`, `pwd_action_token`, `resetToken`, `newPassword`,
// `client_secret`, `new_password`, ...): a new SLAS or SCAPI field of that kind is safe by default.
// KEY_VALUE repeats this list (a test keeps the two in step).
const KEY_ONLY =
  /^(?:[\w-]*(?:token|password|secret)|code(?:_verifier)?|authorization|x-slas-client-auth|_sfdc_client_auth)$/i

// `key` (optionally quoted, also as escaped JSON inside a string) followed by `:` or `=` and a
// value: a double- or single-quoted string, an escaped-quote string, or a bare run such as a query
// or form value (with an optional `Bearer `/`Basic ` scheme, as in header dumps). Groups 4 and 5
// capture the value's opening quote, which the replacement keeps around `[redacted]`.
const KEY_VALUE =
  /(\\?["']?)(?<![\w-])([\w-]*(?:token|password|secret)|code(?:_verifier)?|authorization|x-slas-client-auth|_sfdc_client_auth)\1(\s*[:=]\s*)(?:(["'])(?:(?!\4)[^\\]|\\.)*\4|(\\").*?\\"|(?:(?:Bearer|Basic)\s+)?[^\s&,;"'<>}\]\\]+)/gi

// A JWS compact serialization always starts with the base64url of `{"`: `eyJ`. Matched only at
// the start of a run of token characters: otherwise a long `eyJeyJ…` run is tried from every
// `eyJ` in it and redaction turns quadratic (a slow-down anyone who controls the text could use).
const JWT = /(?<![\w-])eyJ[\w-]*\.[\w-]+\.[\w-]*/g

// HTTP credentials in free text. Plain words are kept so that SLAS's own message "Basic
// Authorization failed." stays readable.
const CREDENTIAL = /\b((?:Bearer|Basic)\s+)([\w.~+/-]+=*)/gi

// Opaque tokens (SLAS refresh tokens and codes are `xxxx.yyyy` base64url strings) that a server may
// echo without a key. Long runs count only when they look random (a digit, or mixed case), so type
// slugs such as `basket-transfer-basket-already-exists-exception` stay readable; UUIDs (usid,
// client ids) are identifiers, not secrets.
const OPAQUE = /[\w-]{32,}(?:\.[\w-]{8,})*/g
// The runs kept: a UUID, or no digit and a single case of letters.
const KEPT_RUN = /^(?:[\dA-Fa-f]{8}(?:-[\dA-Fa-f]{4}){3}-[\dA-Fa-f]{12}|[a-z_.-]+|[A-Z_.-]+)$/

/**
 * Replaces secrets in `text` with `[redacted]`: JWTs, `Bearer …`/`Basic …` credentials, long
 * opaque token-like strings, and the values of sensitive keys (`access_token`, `refresh_token`,
 * `id_token`, `idp_access_token`, `code`, `code_verifier`, `password`, `currentPassword`,
 * `newPassword`, `client_secret`, `pwd_action_token`, `resetToken`, `token`, `authorization`,
 * `x-slas-client-auth`, and any key ending in `token`, `password` or `secret`; case-insensitive) in
 * JSON, query strings, form bodies and `util.inspect` output.
 *
 * @example
 * ```ts
 * redact('grant_type=refresh_token&refresh_token=abc.def')
 * // 'grant_type=refresh_token&refresh_token=[redacted]'
 * ```
 */
export function redact(text: string): string {
  return text
    .replace(KEY_VALUE, `$1$2$1$3$4$5${REDACTED}$4$5`)
    .replace(JWT, REDACTED)
    .replace(CREDENTIAL, (match, scheme: string, credential: string) =>
      /^[A-Z]?[a-z]+$/.test(credential) ? match : scheme + REDACTED,
    )
    .replace(OPAQUE, (run) => (KEPT_RUN.test(run) ? run : REDACTED))
}

/** True when `key` names a secret (see {@link redact} for the list). */
export function isSensitiveKey(key: string): boolean {
  return KEY_ONLY.test(key)
}

// `code` is an OAuth authorization code, or an error's code (`invalid_grant`): lower-case words
// are never a credential, and logs without the error code would be useless.
const isErrorCode = (key: string, value: unknown) =>
  key === 'code' && typeof value === 'string' && /^[a-z]+(?:_[a-z]+)*$/.test(value)

/**
 * Deep redaction of a value for logs and inspection: strings go through {@link redact}, the values
 * of sensitive keys become `[redacted]`, arrays, plain objects, `Map`s and `Headers` are copied
 * (never mutated), errors become `{ name, message }` plus their own `toJSON()` data. Cycles and
 * very deep values are cut.
 *
 * @example
 * ```ts
 * redactValue({ headers: { authorization: 'Bearer x' }, usid: 'u1' })
 * // { headers: { authorization: '[redacted]' }, usid: 'u1' }
 * ```
 */
export function redactValue(value: unknown): unknown {
  // The objects being copied, outermost first: a value met again is a cycle, and their number is
  // the depth.
  const path = new Set<object>()
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value)
    if (!value || typeof value !== 'object') return value
    if (path.has(value)) return '[circular]'
    if (path.size >= 12) return '[too deep]'
    if (value instanceof Error) {
      // An error's own plain form (a ShopperSessionError's code, status, operation) is kept.
      const toJSON = (value as { toJSON?: () => unknown }).toJSON
      const data = typeof toJSON === 'function' ? walk(toJSON.call(value)) : undefined
      const fields = data && typeof data === 'object' ? data : {}
      return { name: value.name, ...fields, message: redact(value.message) }
    }
    if (value instanceof URL) return redact(value.href)
    if (value instanceof Date) return value
    path.add(value)
    // All three iterate their entries (and every runtime this package supports has them).
    const copy = Array.isArray(value)
      ? value.map(walk)
      : Object.fromEntries(
          ([Map, Headers, URLSearchParams].some((type) => value instanceof type)
            ? [...(value as Iterable<[unknown, unknown]>)]
            : Object.entries(value)
          ).map(([key, item]) => {
            const name = String(key)
            return [name, KEY_ONLY.test(name) && !isErrorCode(name, item) ? REDACTED : walk(item)]
          }),
        )
    // A value met again elsewhere (not inside itself) is no cycle.
    path.delete(value)
    return copy
  }
  return walk(value)
}
