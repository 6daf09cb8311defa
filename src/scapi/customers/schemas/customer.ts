/**
 * The `Customer` profile, its registration and its update body.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type CustomAttributes,
  looseModel,
  optionalBoolean,
  optionalNumber,
  optionalString,
  REQUEST,
  RESPONSE,
  type SchemaKit,
} from '../../schemaKit.ts'
import {
  type CustomerAddress,
  CustomerAddressRequestSchema,
  CustomerAddressSchema,
} from './address.ts'
import {
  type CustomerPaymentInstrument,
  CustomerPaymentInstrumentSchema,
  type CustomerPaymentMethodReference,
  CustomerPaymentMethodReferenceSchema,
} from './paymentInstrument.ts'

/**
 * A customer profile as the API returns it (guests have a `customerId` too), and the fields an
 * update or a registration sends. Dates are ISO 8601 strings.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.Customer
 */
export interface Customer extends CustomAttributes {
  /** The address book (getCustomer embeds it unless `expand` says otherwise). */
  addresses?: CustomerAddress[]
  authType?: 'guest' | 'registered'
  /** A date, e.g. `1990-12-10`. */
  birthday?: string
  companyName?: string
  /** The customer's core contact id (at most 18 characters). */
  crmContactId?: string
  creationDate?: string
  /** Write only: needed in updateCustomer to change `login`; never returned. */
  currentPassword?: string
  /** Guests and registered customers have one. */
  customerId?: string
  /** Registered customers only. */
  customerNo?: string
  email?: string
  emailVerified?: boolean
  enabled?: boolean
  fax?: string
  firstName?: string
  /** `1` male, `2` female. */
  gender?: number
  /** `false` when the customer was created through another identity provider. */
  hasPassword?: boolean
  /** Read only: the hashed login for Einstein events. */
  hashedLogin?: string
  jobTitle?: string
  lastLoginTime?: string
  lastModified?: string
  lastName?: string
  lastVisitTime?: string
  /** The login; changing it in updateCustomer needs `currentPassword`. */
  login?: string
  note?: string
  paymentInstruments?: CustomerPaymentInstrument[]
  /** Salesforce Payments. */
  paymentMethodReferences?: CustomerPaymentMethodReference[]
  phoneBusiness?: string
  phoneHome?: string
  phoneMobile?: string
  /** E.g. `en-US`. */
  preferredLocale?: string
  previousLoginTime?: string
  previousVisitTime?: string
  salutation?: string
  secondName?: string
  suffix?: string
  title?: string
}

// `address` is the address schema of the same level as `k`.
const customerShape = (k: SchemaKit, address: typeof CustomerAddressSchema) => ({
  addresses: z.optional(z.array(address)),
  authType: z.optional(z.enum(['guest', 'registered'])),
  birthday: optionalString(),
  companyName: z.optional(k.text(256)),
  crmContactId: z.optional(k.text(18)),
  creationDate: optionalString(),
  currentPassword: z.optional(k.text(4096)),
  customerId: z.optional(k.text(28)),
  customerNo: z.optional(k.text(100)),
  email: z.optional(k.text(256)),
  emailVerified: optionalBoolean(),
  enabled: optionalBoolean(),
  fax: z.optional(k.text(32)),
  firstName: z.optional(k.text(256)),
  gender: optionalNumber(),
  hasPassword: optionalBoolean(),
  hashedLogin: optionalString(),
  jobTitle: z.optional(k.text(256)),
  lastLoginTime: optionalString(),
  lastModified: optionalString(),
  lastName: z.optional(k.text(256)),
  lastVisitTime: optionalString(),
  login: z.optional(k.text(256)),
  note: optionalString(),
  paymentInstruments: z.optional(z.array(CustomerPaymentInstrumentSchema)),
  paymentMethodReferences: z.optional(z.array(CustomerPaymentMethodReferenceSchema)),
  phoneBusiness: z.optional(k.text(32)),
  phoneHome: z.optional(k.text(32)),
  phoneMobile: z.optional(k.text(32)),
  preferredLocale: optionalString(),
  previousLoginTime: optionalString(),
  previousVisitTime: optionalString(),
  salutation: z.optional(k.text(256)),
  secondName: z.optional(k.text(256)),
  suffix: z.optional(k.text(256)),
  title: z.optional(k.text(256)),
})

/**
 * A customer profile as the API returns it.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.Customer
 */
export const CustomerSchema = looseModel<Customer>()(
  customerShape(RESPONSE, CustomerAddressSchema),
)

/**
 * The body of updateCustomer: a partial profile. Changing `login` needs `currentPassword`
 * (write only, never returned); read-only fields are ignored by the server. The spec's limits
 * apply (most texts at most 256 characters, phone numbers 32).
 *
 * @see `shopper-customers-oas-v1-public.yaml` operation updateCustomer
 */
export interface CustomerUpdateBody extends Customer {}

/** The body of updateCustomer, with the spec's limits. */
export const CustomerUpdateSchema = looseModel<CustomerUpdateBody>()(
  customerShape(REQUEST, CustomerAddressRequestSchema),
)

/**
 * The profile of a registration: `login`, `email` and `lastName` required, any other profile
 * field and custom attribute optional.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerRegistration
 */
export interface CustomerRegistrationProfile extends Customer {
  login: string
  email: string
  lastName: string
}

/**
 * The body of registerCustomer: the profile and the password.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerRegistration
 */
export interface CustomerRegistration {
  customer: CustomerRegistrationProfile
  password: string
}

const required = (max: number) => REQUEST.id(max)

/** The body of registerCustomer, with the spec's limits. */
export const CustomerRegistrationSchema = looseModel<CustomerRegistration>()({
  customer: looseModel<CustomerRegistrationProfile>()({
    ...customerShape(REQUEST, CustomerAddressRequestSchema),
    login: required(256),
    lastName: required(256),
    email: required(256),
  }),
  password: required(4096),
})

/**
 * The body of updateCustomerPassword.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PasswordChangeRequest
 */
export interface PasswordChangeRequest {
  currentPassword: string
  /** The new password. */
  password: string
}

/** The body of updateCustomerPassword, with the spec's limits. */
export const PasswordChangeRequestSchema = looseModel<PasswordChangeRequest>()({
  currentPassword: required(4096),
  password: required(4096),
})
