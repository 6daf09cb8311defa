/**
 * `CustomerAddress` (reference c.4): one shape, checked strictly in requests and by type only in
 * responses (see `schemaKit.ts`). Unknown keys, `c_*` included, are kept.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  optionalBoolean,
  optionalString,
  REQUEST,
  RESPONSE,
  type SchemaKit,
} from '../../schemaKit.ts'

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
export const CustomerAddressSchema = z.looseObject(addressShape(RESPONSE))

/** A customer address (`addressId`, `countryCode` and `lastName` required). */
export type CustomerAddress = z.infer<typeof CustomerAddressSchema>

/**
 * A customer address as a request body (createCustomerAddress, updateCustomerAddress): the spec's
 * limits, e.g. `countryCode` two capital letters.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerAddress
 */
export const CustomerAddressRequestSchema = z.looseObject(addressShape(REQUEST))
