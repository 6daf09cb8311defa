/**
 * The Shopper Baskets module (a subset): routes under
 * `/checkout/shopper-baskets/v1/organizations/{organizationId}/` and the same handlers under `/v2`,
 * the organization check, and problem+json error answers.
 *
 * @module
 */
import type { ApiModule, RequestContext, Route } from '../router.ts'
import { mergeBasket, transferBasket } from './actions.ts'
import { BASKET_API_ERRORS } from './errors.ts'
import {
  addItemToBasket,
  createBasket,
  deleteBasket,
  getBasket,
  updateCustomerForBasket,
} from './routes.ts'

/** Path prefix of every basket route (v1 and v2). */
export const BASKETS_PREFIX = '/checkout/shopper-baskets/'

/** The API versions served; both run the same handlers. */
export const BASKETS_VERSIONS = ['v1', 'v2'] as const

function routes(version: string): Route[] {
  const base = `${BASKETS_PREFIX}${version}/organizations/:organizationId/baskets`
  return [
    { method: 'POST', path: base, operation: 'createBasket', handle: createBasket },
    {
      method: 'POST',
      path: `${base}/actions/merge`,
      operation: 'mergeBasket',
      handle: mergeBasket,
    },
    {
      method: 'POST',
      path: `${base}/actions/transfer`,
      operation: 'transferBasket',
      handle: transferBasket,
    },
    { method: 'GET', path: `${base}/:basketId`, operation: 'getBasket', handle: getBasket },
    {
      method: 'DELETE',
      path: `${base}/:basketId`,
      operation: 'deleteBasket',
      handle: deleteBasket,
    },
    {
      method: 'POST',
      path: `${base}/:basketId/items`,
      operation: 'addItemToBasket',
      handle: addItemToBasket,
    },
    {
      method: 'PUT',
      path: `${base}/:basketId/customer`,
      operation: 'updateCustomerForBasket',
      handle: updateCustomerForBasket,
    },
  ]
}

/** Every basket route, v1 then v2. */
export const BASKET_ROUTES: readonly Route[] = BASKETS_VERSIONS.flatMap(routes)

/** Another organization than the emulator's → 404 in the module's shape. */
function checkOrganization(ctx: RequestContext): Response | undefined {
  return ctx.params.organizationId === ctx.core.settings.organizationId
    ? undefined
    : BASKET_API_ERRORS.notFound()
}

/** The Shopper Baskets module for the router. */
export const basketsModule: ApiModule = {
  name: 'baskets',
  prefix: BASKETS_PREFIX,
  routes: BASKET_ROUTES,
  guard: checkOrganization,
  // Of these APIs, only SLAS documents X-RateLimit-* headers.
  rateLimited: false,
  errors: BASKET_API_ERRORS,
}

export type {
  BasketCustomerInfo,
  BasketOptions,
  BasketRecord,
  BasketSettings,
  OptionItemRecord,
  ProductItemRecord,
} from './model.ts'
export { basketToWire, basketsOf } from './model.ts'
