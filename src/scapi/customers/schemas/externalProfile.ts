/**
 * The link between a B2C Commerce customer and an external identity provider's account
 * (reference c.4).
 *
 * @module
 */
import * as z from 'zod/mini'
import { filled, optionalString } from '../../schemaKit.ts'

const optionalName = () => z.optional(filled())

/**
 * The body of registerExternalProfile.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerExtProfileRequest
 */
export const CustomerExtProfileRequestSchema = z.looseObject({
  authenticationProviderId: filled(),
  email: optionalName(),
  externalId: filled(),
  firstName: optionalName(),
  lastName: optionalName(),
})

/** The body of registerExternalProfile. */
export type CustomerExtProfileRequest = z.input<typeof CustomerExtProfileRequestSchema>

/**
 * An external profile as the API returns it.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerExternalProfile
 */
export const CustomerExternalProfileSchema = z.looseObject({
  customerId: z.string(),
  authenticationProviderId: z.string(),
  email: optionalString(),
  externalId: z.string(),
  firstName: optionalString(),
  lastName: optionalString(),
})

/** An external profile. */
export type CustomerExternalProfile = z.infer<typeof CustomerExternalProfileSchema>
