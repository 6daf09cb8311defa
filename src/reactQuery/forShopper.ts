/**
 * Runs a Shopper Customers call for the shopper a query's key names, and for no one else.
 *
 * @module
 */
import type { ShopperCustomers } from '../customers.ts'
import { ShopperSessionError } from '../errors.ts'
import type { Shopper } from '../session/shopper.ts'
import { sameShopper, type ShopperSource } from './shopperKey.ts'

/** What one set of options was made for: the client, the session and the shopper of the key. */
export interface ShopperTarget {
  customers: ShopperCustomers
  source: ShopperSource
  /** The site element of the keys. */
  site: string
  /** The shopper the keys name, as the session reported them when the options were made. */
  shopper: Shopper | undefined
}

/**
 * What the factories are made from: the client, the session, the site, and whose options they
 * make (the session's shopper at each call, or the shopper a component rendered with).
 */
export interface QueryBase {
  customers: ShopperCustomers
  source: ShopperSource
  site: string
  shopper(): Shopper | undefined
}

/** The target of options made now: `base` with its shopper read once. */
export function targetOf(base: QueryBase): ShopperTarget {
  return {
    customers: base.customers,
    source: base.source,
    site: base.site,
    shopper: base.shopper(),
  }
}

/** Who may call: `registered` shoppers only (profile, addresses, payment), or `any` shopper. */
export type Access = 'registered' | 'any'

/** Whether a query for `target` may run at all (a disabled query sends nothing). */
export function canRun(target: ShopperTarget, access: Access): boolean {
  const { shopper } = target
  return shopper?.customerId !== undefined && (access === 'any' || shopper.kind === 'registered')
}

/**
 * The customer id to call with, or the error a call would end with, without sending it: no
 * shopper yet (`invalid_config`: the app asked too early), a guest asking for registered data
 * (`not_found`, what the API answers a guest), or a session that moved on to another shopper
 * (`conflict`: the options are stale).
 */
function customerIdFor(target: ShopperTarget, access: Access, what: string): string {
  const { shopper } = target
  if (shopper?.customerId === undefined) {
    throw new ShopperSessionError(
      'invalid_config',
      `${what}: the session has no shopper yet (await session.ready() first)`,
    )
  }
  if (access === 'registered' && shopper.kind !== 'registered') {
    throw new ShopperSessionError(
      'not_found',
      `${what}: a guest has none (only registered shoppers)`,
    )
  }
  assertStill(target, what)
  return shopper.customerId
}

function assertStill(target: ShopperTarget, what: string): void {
  if (!sameShopper(target.source.getShopper(), target.shopper)) {
    throw new ShopperSessionError(
      'conflict',
      `${what}: the shopper changed; this data belongs to the previous one`,
    )
  }
}

/**
 * Reads for the key's shopper: checked before sending (the customer id is the key's, never the
 * session's newer one) and again once the answer is in, so an answer never lands in the cache
 * once its shopper has left, even where no cache binding removed the query.
 */
export async function readFor<T>(
  target: ShopperTarget,
  access: Access,
  what: string,
  call: (customerId: string) => Promise<T>,
): Promise<T> {
  const result = await call(customerIdFor(target, access, what))
  assertStill(target, what)
  return result
}

/**
 * Writes for the key's shopper: checked before sending only. A write that was sent is done at
 * the server, so its answer is returned even if the shopper left meanwhile; `stillCurrent`
 * tells the caller whether the cache still holds that shopper's data to refresh.
 */
export async function writeFor<T>(
  target: ShopperTarget,
  access: Access,
  what: string,
  call: (customerId: string) => Promise<T>,
): Promise<{ result: T; stillCurrent: boolean }> {
  const result = await call(customerIdFor(target, access, what))
  return { result, stillCurrent: sameShopper(target.source.getShopper(), target.shopper) }
}
