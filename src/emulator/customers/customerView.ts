/**
 * The `Customer` document: profile fields from the shopper and the customer record, read-only
 * flags, and the sub-resources `expand` asks for. Also the profile field rules shared by
 * registration and updates.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { loginKey, type ShopperRecord } from '../state.ts'
import type { CustomerRecord, JsonObject } from './model.ts'
import { paymentInstrumentView } from './paymentView.ts'
import { isoTime } from './store.ts'
import { type FieldRules, text } from './validate.ts'

/** Writable `Customer` fields and their limits. */
export const PROFILE_RULES: FieldRules = {
  birthday: { type: 'date' },
  companyName: text(256),
  email: text(256),
  fax: text(32),
  firstName: text(256),
  gender: { type: 'integer', min: 0, max: 2 },
  jobTitle: text(256),
  lastName: text(256),
  login: text(256),
  note: text(4000),
  phoneBusiness: text(32),
  phoneHome: text(32),
  phoneMobile: text(32),
  preferredLocale: text(32),
  salutation: text(256),
  secondName: text(256),
  suffix: text(256),
  title: text(256),
}

/** Fields kept on the shopper (SLAS reads them too), not in `CustomerRecord.profile`. */
export const SHOPPER_FIELDS: ReadonlySet<string> = new Set([
  'login',
  'email',
  'firstName',
  'lastName',
])

/** Sub-resources `getCustomer` can expand. */
export type Expansion = 'addresses' | 'paymentinstruments' | 'paymentmethodreferences'

/** The default expansion of getCustomer, as its OpenAPI documents it. */
export const DEFAULT_EXPANSION: ReadonlySet<Expansion> = new Set([
  'addresses',
  'paymentinstruments',
])

/** The Customer document of a registered shopper. */
export function customerView(
  core: EmulatorCore,
  shopper: ShopperRecord,
  record: CustomerRecord,
  expand: ReadonlySet<Expansion>,
): JsonObject {
  const lastLogin = core.state.logins.get(loginKey(shopper.login))?.lastLoginAt
  return {
    ...record.profile,
    authType: 'registered',
    creationDate: record.creationDate,
    customerId: shopper.customerId,
    customerNo: shopper.customerNo,
    email: shopper.email,
    // No verification e-mail is ever sent by the emulator.
    emailVerified: false,
    enabled: true,
    ...(shopper.firstName === '' ? {} : { firstName: shopper.firstName }),
    hasPassword: true,
    ...(lastLogin === undefined ? {} : { lastLoginTime: isoTime(lastLogin) }),
    lastModified: record.lastModified,
    lastName: shopper.lastName,
    login: shopper.login,
    ...(expand.has('addresses') ? { addresses: record.addresses.map((a) => ({ ...a })) } : {}),
    ...(expand.has('paymentinstruments')
      ? { paymentInstruments: record.paymentInstruments.map((p) => paymentInstrumentView(core, p)) }
      : {}),
    ...(expand.has('paymentmethodreferences')
      ? { paymentMethodReferences: record.paymentMethodReferences.map((r) => ({ ...r })) }
      : {}),
  }
}
