/**
 * The link between a B2C Commerce customer and an external identity provider's account.
 *
 * @module
 */
import * as z from 'zod/mini'
import { filled, looseModel, optionalString } from '../../schemaKit.ts'

const optionalName = () => z.optional(filled())

/**
 * The body of registerExternalProfile: the identity provider's account to create a customer for.
 * The texts, when given, must not be empty.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerExtProfileRequest
 */
export interface CustomerExtProfileRequest {
  /** The identity provider's id as configured in B2C Commerce. */
  authenticationProviderId: string
  email?: string
  /** The shopper's id at the identity provider. */
  externalId: string
  firstName?: string
  lastName?: string
}

/** The body of registerExternalProfile, with the spec's limits. */
export const CustomerExtProfileRequestSchema = looseModel<CustomerExtProfileRequest>()({
  authenticationProviderId: filled(),
  email: optionalName(),
  externalId: filled(),
  firstName: optionalName(),
  lastName: optionalName(),
})

/**
 * An external profile: the customer linked to an identity provider's account.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerExternalProfile
 */
export interface CustomerExternalProfile {
  customerId: string
  authenticationProviderId: string
  email?: string
  externalId: string
  firstName?: string
  lastName?: string
}

/** An external profile as the API returns it. */
export const CustomerExternalProfileSchema = looseModel<CustomerExternalProfile>()({
  customerId: z.string(),
  authenticationProviderId: z.string(),
  email: optionalString(),
  externalId: z.string(),
  firstName: optionalString(),
  lastName: optionalString(),
})
