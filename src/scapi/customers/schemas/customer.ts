/**
 * The `Customer` profile, its registration and its update body (reference c.4).
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  optionalBoolean,
  optionalNumber,
  optionalString,
  REQUEST,
  RESPONSE,
  type SchemaKit,
} from '../../schemaKit.ts'
import { CustomerAddressRequestSchema, CustomerAddressSchema } from './address.ts'
import {
  CustomerPaymentInstrumentSchema,
  CustomerPaymentMethodReferenceSchema,
} from './paymentInstrument.ts'

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
 * A customer profile as the API returns it (guests have a `customerId` too).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.Customer
 */
export const CustomerSchema = z.looseObject(customerShape(RESPONSE, CustomerAddressSchema))

/** A customer profile. */
export type Customer = z.infer<typeof CustomerSchema>

/**
 * The body of updateCustomer: a partial profile. Changing `login` needs `currentPassword`
 * (write only, never returned); read-only fields are ignored by the server.
 *
 * @see `shopper-customers-oas-v1-public.yaml` operation updateCustomer
 */
export const CustomerUpdateSchema = z.looseObject(
  customerShape(REQUEST, CustomerAddressRequestSchema),
)

/** The body of updateCustomer. */
export type CustomerUpdate = z.input<typeof CustomerUpdateSchema>

const required = (max: number) => REQUEST.id(max)

/**
 * The body of registerCustomer: the profile (`login`, `lastName` and `email` required) and the
 * password.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerRegistration
 */
export const CustomerRegistrationSchema = z.looseObject({
  customer: z.looseObject({
    ...customerShape(REQUEST, CustomerAddressRequestSchema),
    login: required(256),
    lastName: required(256),
    email: required(256),
  }),
  password: required(4096),
})

/** The body of registerCustomer. */
export type CustomerRegistration = z.input<typeof CustomerRegistrationSchema>

/**
 * The body of updateCustomerPassword.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PasswordChangeRequest
 */
export const PasswordChangeRequestSchema = z.looseObject({
  currentPassword: required(4096),
  password: required(4096),
})

/** The body of updateCustomerPassword. */
export type PasswordChangeRequest = z.input<typeof PasswordChangeRequestSchema>
