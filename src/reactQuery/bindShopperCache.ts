/**
 * `bindShopperCache(queryClient, session)`: a QueryClient that never keeps one shopper's data
 * once another is signed in.
 *
 * @module
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query'
import type { SessionTag } from '../../machines/contracts.ts'
import type { Shopper } from '../session/shopper.ts'
import {
  keyFor,
  SHOPPER_QUERY_PREFIX,
  type ShopperSource,
  sameShopper,
  shopperScope,
  siteScope,
} from './shopperKey.ts'

/**
 * What the binding needs of a session: its shopper, its site, whether it is busy, and a call
 * after every change. A `ShopperSession` and a `SessionLike` are one.
 *
 * @example
 * ```ts
 * const changes: ShopperChanges = session
 * ```
 */
export interface ShopperChanges extends ShopperSource {
  /** Calls `listener` after every change of the session; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The session now: only its `busy` tag is read (a login's basket transfer runs under it). */
  getSnapshot(): { hasTag(tag: SessionTag): boolean }
}

/**
 * Removes from `queryClient`, at once and on every later change of the session's shopper, the
 * queries of this session's site that belong to any shopper but the current one; their fetches
 * in flight are cancelled (their requests aborted) and their answers never cached. A change is
 * a login, a logout, the guest session after `reauthRequired`, another tab's shopper, and a
 * loginId change, which keeps the customer id but drops that customer's queries too (what was
 * cached under the old login is stale). The previous shopper's mutations leave the
 * MutationCache as well. While the session has no shopper yet nothing is removed,
 * so data hydrated from a server render waits for the shopper it belongs to. A login moves the
 * guest's basket to the new shopper after the shopper changed, while the session is `busy`: the
 * new shopper's baskets are fetched again once the session is no longer busy, so a basket read
 * during the move (empty) does not stay.
 *
 * Returns the function that ends the binding. `ShopperQueryProvider` binds its QueryClient for as
 * long as it is mounted; bind once at start-up when the client lives outside React.
 *
 * @example
 * ```ts
 * const queryClient = new QueryClient()
 * const unbind = bindShopperCache(queryClient, session) // at start-up, beside the session
 * ```
 */
export function bindShopperCache(queryClient: QueryClient, session: ShopperChanges): () => void {
  const site = siteScope(session)
  let known: Shopper | undefined
  // The shopper whose baskets are read again once the session is no longer busy.
  let basketsToReread: string | undefined
  const check = () => {
    const shopper = session.getShopper()
    if (shopper?.customerId === undefined) return
    const current = shopperScope(shopper)
    // A loginId change: the same customer id, so the same keys, holding stale data.
    const relogged =
      known !== undefined && !sameShopper(known, shopper) && shopperScope(known) === current
    if (known !== undefined && !sameShopper(known, shopper)) basketsToReread = current
    known = shopper
    if (basketsToReread === current && !session.getSnapshot().hasTag('busy')) {
      basketsToReread = undefined
      void queryClient.invalidateQueries({ queryKey: keyFor(site, shopper, ['baskets']) })
    }
    const stale = ({ queryKey, mutationKey }: { queryKey?: QueryKey; mutationKey?: QueryKey }) => {
      const [prefix, keySite, owner] = queryKey ?? mutationKey ?? []
      if (prefix !== SHOPPER_QUERY_PREFIX || keySite !== site) return false
      return owner !== current || relogged
    }
    // The previous shopper's finished writes go too: their variables are that shopper's data.
    const mutations = queryClient.getMutationCache()
    for (const mutation of mutations.findAll({ predicate: (m) => stale(m.options) })) {
      mutations.remove(mutation)
    }
    const predicate = (query: Query) => stale(query)
    if (queryClient.getQueryCache().findAll({ predicate }).length === 0) return
    // Silent: nothing is restored or reported before the removal drops the queries.
    void queryClient.cancelQueries({ predicate }, { silent: true, revert: false })
    queryClient.removeQueries({ predicate })
  }
  check()
  return session.subscribe(check)
}
