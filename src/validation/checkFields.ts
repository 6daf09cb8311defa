/**
 * A config checked with plain field rules into the `invalid_config` error every client throws:
 * `Invalid <label>: <field>: <reason>`.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { checkRecord, type FieldRules } from './objects.ts'

/** `invalid_config` for the config called `label`, e.g. `Invalid SLAS client config: ...`. */
export function configError(label: string, reason: string): ShopperSessionError {
  return new ShopperSessionError('invalid_config', `Invalid ${label}: ${reason}`)
}

/**
 * The fields of `config` that `rules` name, once every one passes; else throws
 * `ShopperSessionError('invalid_config')` naming the first bad field and why, e.g.
 * `Invalid SLAS client config: organizationId: must look like f_ecom_abcd_001`, or
 * `Invalid SLAS client config: (root): must be an object`. Values are never echoed (one may be a
 * secret).
 */
export function checkFields<T>(label: string, rules: FieldRules<T>, config: unknown): T {
  return checkRecord(rules, config, (reason) => configError(label, reason))
}
