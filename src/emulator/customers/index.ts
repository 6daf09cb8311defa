/**
 * The Shopper Customers module: routes under
 * `/customer/shopper-customers/v1/organizations/{organizationId}/`, the organization check, and
 * SCAPI problem+json answers for everything, 404 and 405 included.
 *
 * @module
 */
import type { ApiModule, RequestContext } from '../router.ts'
import { SCAPI_MODULE_ERRORS } from './moduleErrors.ts'
import { badRequest, notFound } from './problems.ts'
import { CUSTOMER_ROUTES, CUSTOMERS_PREFIX } from './routes.ts'

export { CUSTOMER_ROUTES, CUSTOMERS_PREFIX } from './routes.ts'

/** The organizationId pattern of the spec. */
const ORGANIZATION_ID = /^f_ecom_[a-z]{4}_(prd|stg|dev|s[0-9]{2}|[0-9]{3})$/

/** Unknown but well-formed organization → 404; malformed → 400. */
function checkOrganization(ctx: RequestContext): Response | undefined {
  const organizationId = ctx.params.organizationId ?? ''
  if (organizationId === ctx.core.settings.organizationId) return undefined
  if (organizationId.length > 32 || !ORGANIZATION_ID.test(organizationId)) {
    return badRequest('The organizationId is malformed.')
  }
  return notFound(`No organization with ID '${organizationId}' could be found.`)
}

/** The Shopper Customers module for the router. */
export const customersModule: ApiModule = {
  name: 'shopperCustomers',
  prefix: CUSTOMERS_PREFIX,
  routes: CUSTOMER_ROUTES,
  guard: checkOrganization,
  // Rate limits are keyed by client id, which a SCAPI request only carries inside its token.
  rateLimited: false,
  errors: SCAPI_MODULE_ERRORS,
}
