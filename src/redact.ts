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
const KEY_SOURCE =
  '[\\w-]*(?:token|password|secret)|code(?:_verifier)?|authorization|' +
  'x-slas-client-auth|_sfdc_client_auth'

const KEY_ONLY = new RegExp(`^(?:${KEY_SOURCE})$`, 'i')

// `key` (optionally quoted, also as escaped JSON inside a string) followed by `:` or `=` and a
// value: a double- or single-quoted string, an escaped-quote string, or a bare run such as a query
// or form value (with an optional `Bearer `/`Basic ` scheme, as in header dumps). Groups 4 to 6
// capture the value's opening quote, which the replacement keeps around `[redacted]`.
const KEY_VALUE = new RegExp(
  `(\\\\?["']?)(?<![\\w-])(${KEY_SOURCE})\\1(\\s*[:=]\\s*)` +
    `(?:(")(?:[^"\\\\]|\\\\.)*"|(')(?:[^'\\\\]|\\\\.)*'|(\\\\").*?\\\\"|` +
    `(?:(?:Bearer|Basic)\\s+)?[^\\s&,;"'<>}\\]\\\\]+)`,
  'gi',
)

// A JWS compact serialization always starts with the base64url of `{"`: `eyJ`. Matched only at
// the start of a run of token characters: otherwise a long `eyJeyJ…` run is tried from every
// `eyJ` in it and redaction turns quadratic (a slow-down anyone who controls the text could use).
const JWT = /(?<![\w-])eyJ[\w-]*\.[\w-]+\.[\w-]*/g

// HTTP credentials in free text. Plain words are kept so that SLAS's own message "Basic
// Authorization failed." stays readable.
const CREDENTIAL = /\b(Bearer|Basic)(\s+)([\w.~+/-]+=*)/gi

// Opaque tokens (SLAS refresh tokens and codes are `xxxx.yyyy` base64url strings) that a server may
// echo without a key. Long runs count only when they look random (a digit, or mixed case), so type
// slugs such as `basket-transfer-basket-already-exists-exception` stay readable; UUIDs (usid,
// client ids) are identifiers, not secrets.
const OPAQUE = /[\w-]{32,}(?:\.[\w-]{8,})*/g

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
    .replace(KEY_VALUE, `$1$2$1$3$4$5$6${REDACTED}$4$5$6`)
    .replace(JWT, REDACTED)
    .replace(CREDENTIAL, (match, scheme: string, space: string, credential: string) =>
      /^[A-Z]?[a-z]+$/.test(credential) ? match : scheme + space + REDACTED,
    )
    .replace(OPAQUE, (run) =>
      /^[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}$/i.test(run) ||
      !(/\d/.test(run) || (/[a-z]/.test(run) && /[A-Z]/.test(run)))
        ? run
        : REDACTED,
    )
}

/** True when `key` names a secret (see {@link redact} for the list). */
export function isSensitiveKey(key: string): boolean {
  return KEY_ONLY.test(key)
}

const MAX_DEPTH = 12

/**
 * Deep redaction of a value for logs and inspection: strings go through {@link redact}, the values
 * of sensitive keys become `[redacted]`, arrays, plain objects, `Map`s and `Headers` are copied
 * (never mutated), errors become `{ name, message }`. Cycles and very deep values are cut.
 *
 * @example
 * ```ts
 * redactValue({ headers: { authorization: 'Bearer x' }, usid: 'u1' })
 * // { headers: { authorization: '[redacted]' }, usid: 'u1' }
 * ```
 */
export function redactValue(value: unknown): unknown {
  return walk(value, new WeakSet(), 0)
}

function walk(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return redact(value)
  if (typeof value !== 'object' || value === null) return value
  if (seen.has(value)) return '[circular]'
  if (depth >= MAX_DEPTH) return '[too deep]'
  seen.add(value)
  try {
    if (Array.isArray(value)) return value.map((item) => walk(item, seen, depth + 1))
    if (value instanceof Error) {
      return { name: value.name, message: redact(value.message) }
    }
    if (value instanceof URL) return redact(value.href)
    if (value instanceof Date) return value
    const entries = isEntryIterable(value)
      ? Array.from(value.entries())
      : Object.entries(value as Record<string, unknown>)
    const out: Record<string, unknown> = {}
    for (const [key, item] of entries) {
      const name = String(key)
      out[name] = isSensitiveKey(name) ? REDACTED : walk(item, seen, depth + 1)
    }
    return out
  } finally {
    seen.delete(value)
  }
}

function isEntryIterable(value: object): value is { entries(): Iterable<[unknown, unknown]> } {
  // Headers and URLSearchParams may be missing on old runtimes.
  return [Map, globalThis.Headers, globalThis.URLSearchParams].some(
    (type) => type && value instanceof type,
  )
}
