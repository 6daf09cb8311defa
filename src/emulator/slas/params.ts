/**
 * Parameter validation for SLAS query strings and form bodies, with the limits of its OpenAPI.
 * Empty values count as absent; a repeated parameter is refused (ambiguous input).
 *
 * @module
 */

/** Rules for one parameter. */
export interface ParamRule {
  required?: boolean
  max: number
  min?: number
  pattern?: RegExp
}

/** Rules by parameter name. */
export type ParamRules = Record<string, ParamRule>

/** Values by parameter name: required ones are strings. */
export type ParamValues<R extends ParamRules> = {
  [K in keyof R]: R[K] extends { required: true } ? string : string | undefined
}

/** Outcome of {@link readParams}: the first bad field names the error. */
export type ParamResult<R extends ParamRules> =
  { ok: true; values: ParamValues<R> } | { ok: false; field: keyof R & string }

const BASE64URL = /^[A-Za-z0-9_-]+$/
const PKCE_VERIFIER = /^[A-Za-z0-9._~-]+$/

/** Limits of the SLAS OpenAPI parameters, shared by the routes. */
export const RULES = {
  clientId: { required: true, max: 40 },
  redirectURI: { required: true, max: 256 },
  channelId: { max: 100 },
  state: { max: 512 },
  usidAuthorize: { max: 256 },
  usid: { max: 128 },
  codeChallenge: { min: 43, max: 128, pattern: BASE64URL },
  codeVerifier: { min: 43, max: 128, pattern: PKCE_VERIFIER },
  code: { required: true, max: 256 },
  refreshToken: { required: true, max: 256 },
  scope: { max: 1024 },
  hint: { max: 64 },
  dnt: { max: 5, pattern: /^(true|false)$/ },
  short: { max: 64 },
  loginId: { required: true, max: 128 },
  token: { required: true, max: 4096 },
} as const satisfies Record<string, ParamRule>

/** Reads and checks `rules` from `source`. Unknown parameters are ignored, as SLAS does. */
export function readParams<R extends ParamRules>(
  source: URLSearchParams,
  rules: R,
): ParamResult<R> {
  const values: Record<string, string | undefined> = {}
  for (const [name, rule] of Object.entries(rules)) {
    const all = source.getAll(name)
    if (all.length > 1) return { ok: false, field: name }
    const value = all[0] === '' ? undefined : all[0]
    if (value === undefined) {
      if (rule.required) return { ok: false, field: name }
      values[name] = undefined
      continue
    }
    if (value.length > rule.max || value.length < (rule.min ?? 0)) return { ok: false, field: name }
    if (rule.pattern && !rule.pattern.test(value)) return { ok: false, field: name }
    values[name] = value
  }
  return { ok: true, values: values as ParamValues<R> }
}

/** `rule` with `required: true`. */
export function required<T extends ParamRule>(rule: T): T & { required: true } {
  return { ...rule, required: true }
}
