/**
 * Customers linked to an external identity provider: getExternalProfile (Account Manager token)
 * and registerExternalProfile (guest shopper token).
 *
 * @module
 */
import { jsonBody, type ScapiOperation, type TokenParams } from '../scapiOperation.ts'
import { filled } from '../schemaKit.ts'
import { customersOperation, type WithBody } from './common.ts'
import {
  type CustomerExtProfileRequest,
  CustomerExtProfileRequestSchema,
  type CustomerExternalProfile,
  CustomerExternalProfileSchema,
} from './schemas/externalProfile.ts'

/** Parameters of {@link getExternalProfile}. */
export interface GetExternalProfileParams extends TokenParams {
  /** The shopper's id at the identity provider. */
  externalId: string
  /** The identity provider's id as configured in B2C Commerce. */
  authenticationProviderId: string
}


/**
 * GET `/customers/external-profile`: the customer linked to an external identity. `accessToken`
 * is an **Account Manager** token; server only. Unknown → `not_found`.
 *
 * @example
 * ```ts
 * const profile = await getExternalProfile(config, {
 *   accessToken: amToken, externalId: 'abc', authenticationProviderId: 'google',
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getExternalProfile`
 */
export const getExternalProfile: ScapiOperation<
  GetExternalProfileParams,
  CustomerExternalProfile
> = customersOperation('getExternalProfile', 'GET /customers/external-profile', {
  query: { externalId: filled(), authenticationProviderId: filled() },
  response: jsonBody(CustomerExternalProfileSchema),
})

/**
 * POST `/customers/external-profile`: creates a customer linked to an external identity. Needs a
 * **guest** shopper token.
 *
 * @example
 * ```ts
 * const profile = await registerExternalProfile(config, {
 *   accessToken: guestToken,
 *   body: { externalId: 'abc', authenticationProviderId: 'google', email: 'jane@example.com' },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `registerExternalProfile`
 */
export const registerExternalProfile: ScapiOperation<
  WithBody<TokenParams, CustomerExtProfileRequest>,
  CustomerExternalProfile
> = customersOperation('registerExternalProfile', 'POST /customers/external-profile', {
  body: CustomerExtProfileRequestSchema,
  response: jsonBody(CustomerExternalProfileSchema),
})
