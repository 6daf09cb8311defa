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
const KEY_SOURCE = [
  '[\\w-]*(?:token|password|secret)',
  'code',
  'code_verifier',
  'authorization',
  'x-slas-client-auth',
  '_sfdc_client_auth',
].join('|')

const KEY_ONLY = new RegExp(`^(?:${KEY_SOURCE})$`, 'i')

// `key` (optionally quoted, also as escaped JSON inside a string) followed by `:` or `=` and a
// value: a double- or single-quoted string, an escaped-quote string, or a bare run such as a query
// or form value (with an optional `Bearer `/`Basic ` scheme, as in header dumps).
const KEY_VALUE = new RegExp(
  `(\\\\?["']?)(?<![\\w-])(${KEY_SOURCE})\\1(\\s*[:=]\\s*)` +
    '(' +
    [
      `"(?:[^"\\\\]|\\\\.)*"`,
      `'(?:[^'\\\\]|\\\\.)*'`,
      `\\\\".*?\\\\"`,
      `(?:(?:Bearer|Basic)\\s+)?[^\\s&,;"'<>}\\]\\\\]+`,
    ].join('|') +
    ')',
  'gi',
)

// A JWS compact serialization always starts with the base64url of `{"`: `eyJ`.
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g

// HTTP credentials in free text. Plain words are kept so that SLAS's own message "Basic
// Authorization failed." stays readable.
const CREDENTIAL = /\b(Bearer|Basic)(\s+)([\w.~+/-]+=*)/gi
const PLAIN_WORD = /^[A-Z]?[a-z]+$/

// Opaque tokens (SLAS refresh tokens and codes are `xxxx.yyyy` base64url strings) that a server may
// echo without a key. Long runs count only when they look random (a digit, or mixed case), so type
// slugs such as `basket-transfer-basket-already-exists-exception` stay readable; UUIDs (usid,
// client ids) are identifiers, not secrets.
const OPAQUE = /[\w-]{32,}(?:\.[\w-]{8,})*/g
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DIGIT = /\d/
const LOWER = /[a-z]/
const UPPER = /[A-Z]/

function redactKeyValue(
  _match: string,
  quote: string,
  key: string,
  separator: string,
  value: string,
): string {
  const first = value[0]
  let replacement = REDACTED
  if (value.startsWith('\\"')) replacement = `\\"${REDACTED}\\"`
  else if (first === '"' || first === "'") replacement = `${first}${REDACTED}${first}`
  return `${quote}${key}${quote}${separator}${replacement}`
}

function redactCredential(match: string, scheme: string, space: string, credential: string) {
  return PLAIN_WORD.test(credential) ? match : `${scheme}${space}${REDACTED}`
}

function redactOpaque(run: string): string {
  if (UUID.test(run)) return run
  const looksRandom = DIGIT.test(run) || (LOWER.test(run) && UPPER.test(run))
  return looksRandom ? REDACTED : run
}

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
    .replace(KEY_VALUE, redactKeyValue)
    .replace(JWT, REDACTED)
    .replace(CREDENTIAL, redactCredential)
    .replace(OPAQUE, redactOpaque)
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
  return (
    value instanceof Map ||
    (typeof Headers !== 'undefined' && value instanceof Headers) ||
    (typeof URLSearchParams !== 'undefined' && value instanceof URLSearchParams)
  )
}
