/**
 * The shopper password policy (an emulator setting). The default follows what Storefront Reference
 * Architecture and PWA Kit shops ask for: at least 8 characters with an upper case letter, a lower
 * case letter, a digit and a special character.
 *
 * @module
 */

/** Rules of the password policy; every field optional (defaults on each). */
export interface PasswordRules {
  /** Minimum length. Default 8. */
  minLength?: number
  /** Needs an upper case letter. Default true. */
  requireUpper?: boolean
  /** Needs a lower case letter. Default true. */
  requireLower?: boolean
  /** Needs a digit. Default true. */
  requireDigit?: boolean
  /** Needs a character that is neither letter, digit nor space. Default true. */
  requireSpecial?: boolean
}

/** A custom check: true = acceptable. */
export type PasswordValidator = (password: string) => boolean

/** The `passwordPolicy` option: rules, or a function. */
export type PasswordPolicy = PasswordRules | PasswordValidator

/** The resolved policy (`settings.passwordPolicy`). */
export type ResolvedPasswordPolicy = Required<PasswordRules> | PasswordValidator

/** Longest password any policy accepts (the spec's `maxLength` for password fields). */
export const MAX_PASSWORD_LENGTH = 4096

/** The default rules. */
export const DEFAULT_PASSWORD_RULES: Readonly<Required<PasswordRules>> = {
  minLength: 8,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSpecial: true,
}

/** Applies the defaults to the option. */
export function resolvePasswordPolicy(policy: PasswordPolicy | undefined): ResolvedPasswordPolicy {
  if (typeof policy === 'function') return policy
  const rules = { ...DEFAULT_PASSWORD_RULES, ...policy }
  if (!Number.isInteger(rules.minLength) || rules.minLength < 1) {
    throw new TypeError(`createEmulator: passwordPolicy.minLength must be an integer ≥ 1`)
  }
  return rules
}

/** Whether `password` satisfies `policy` (and the spec's length limit). */
export function passwordAcceptable(policy: ResolvedPasswordPolicy, password: string): boolean {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false
  if (typeof policy === 'function') return policy(password)
  if ([...password].length < policy.minLength) return false
  if (policy.requireUpper && !/\p{Lu}/u.test(password)) return false
  if (policy.requireLower && !/\p{Ll}/u.test(password)) return false
  if (policy.requireDigit && !/\p{Nd}/u.test(password)) return false
  if (policy.requireSpecial && !/[^\p{L}\p{Nd}\s]/u.test(password)) return false
  return true
}
