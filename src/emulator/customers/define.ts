/**
 * Route builders: each Shopper Customers route declares its access rule, and the handler only
 * runs for a caller that passed it (see `auth.ts`). Handlers may answer synchronously.
 *
 * @module
 */
import type { Method, RequestContext, Route } from '../router.ts'
import {
  type AmCaller,
  authorizeAccountManager,
  authorizeShopper,
  type Outcome,
  type ShopperAccess,
  type ShopperCaller,
} from './auth.ts'

/** A route that takes a SLAS shopper token. */
export interface ShopperRouteSpec {
  method: Method
  /** Path after the module's `/organizations/:organizationId` base. */
  path: string
  operation: string
  access: ShopperAccess
  handle(ctx: RequestContext, caller: ShopperCaller): Promise<Response> | Response
}

/** A route that takes an Account Manager token. */
export interface AmRouteSpec {
  method: Method
  path: string
  operation: string
  scopes: readonly string[]
  handle(ctx: RequestContext, caller: AmCaller): Promise<Response> | Response
}

/** A route under `base` whose handler runs only for the caller `authorize` lets through. */
function guardedRoute<C>(
  base: string,
  spec: Pick<Route, 'method' | 'path' | 'operation'> & {
    handle(ctx: RequestContext, caller: C): Promise<Response> | Response
  },
  authorize: (ctx: RequestContext) => Promise<Outcome<C>>,
): Route {
  return {
    method: spec.method,
    path: `${base}${spec.path}`,
    operation: spec.operation,
    async handle(ctx) {
      const caller = await authorize(ctx)
      return caller.ok ? spec.handle(ctx, caller.value) : caller.response
    },
  }
}

/** Builds a shopper-token route under `base`. */
export function shopperRoute(base: string, spec: ShopperRouteSpec): Route {
  return guardedRoute(base, spec, (ctx) => authorizeShopper(ctx, spec.access))
}

/** Builds an Account Manager route under `base`. */
export function amRoute(base: string, spec: AmRouteSpec): Route {
  return guardedRoute(base, spec, (ctx) => authorizeAccountManager(ctx, spec.scopes))
}
