/**
 * `CustomerAddress`: one shape, checked strictly in requests and by type only in responses (see
 * `schemaKit.ts`). Unknown keys, `c_*` included, are kept at runtime; the type allows `c_*` only.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type CustomAttributes,
  looseModel,
  optionalBoolean,
  optionalString,
  REQUEST,
  RESPONSE,
  type SchemaKit,
} from '../../schemaKit.ts'

/**
 * A saved address of a registered customer: the answer of the address operations and the body of
 * createCustomerAddress and updateCustomerAddress. `addressId`, `countryCode` and `lastName` are
 * required. In a body the spec's limits apply (most texts at most 256 characters, `phone` and
 * `suite` 32, `countryCode` two capital letters).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerAddress
 */
export interface CustomerAddress extends CustomAttributes {
  address1?: string
  address2?: string
  /** The address's name in the address book, e.g. `home`; the `addressName` path parameter. */
  addressId: string
  city?: string
  companyName?: string
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  countryCode: string
  /** ISO 8601, read only. */
  creationDate?: string
  firstName?: string
  fullName?: string
  jobTitle?: string
  /** ISO 8601, read only. */
  lastModified?: string
  lastName: string
  phone?: string
  postBox?: string
  postalCode?: string
  /** The customer's preferred address. */
  preferred?: boolean
  salutation?: string
  secondName?: string
  stateCode?: string
  suffix?: string
  suite?: string
  title?: string
}

const addressShape = (k: SchemaKit) => ({
  address1: z.optional(k.text(256)),
  address2: z.optional(k.text(256)),
  addressId: k.id(256),
  city: z.optional(k.text(256)),
  companyName: z.optional(k.text(256)),
  countryCode: k.countryCode(),
  creationDate: optionalString(),
  firstName: z.optional(k.text(256)),
  fullName: z.optional(k.text(256)),
  jobTitle: z.optional(k.text(256)),
  lastModified: optionalString(),
  lastName: k.id(256),
  phone: z.optional(k.text(32)),
  postBox: z.optional(k.text(256)),
  postalCode: z.optional(k.text(256)),
  preferred: optionalBoolean(),
  salutation: z.optional(k.text(256)),
  secondName: z.optional(k.text(256)),
  stateCode: z.optional(k.text(256)),
  suffix: z.optional(k.text(256)),
  suite: z.optional(k.text(32)),
  title: z.optional(k.text(256)),
})

/**
 * A customer address as the API returns it.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerAddress
 */
export const CustomerAddressSchema = looseModel<CustomerAddress>()(addressShape(RESPONSE))

/**
 * A customer address as a request body (createCustomerAddress, updateCustomerAddress): the spec's
 * limits, e.g. `countryCode` two capital letters.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerAddress
 */
export const CustomerAddressRequestSchema = looseModel<CustomerAddress>()(addressShape(REQUEST))
