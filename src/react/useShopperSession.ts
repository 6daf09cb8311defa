'use client'
/**
 * `useShopperSession()` and `useAccountFlows()`: what the nearest `ShopperSessionProvider` holds.
 *
 * @module
 */
import { useContext } from 'react'
import type { AccountFlows } from '../account/createAccountFlows.ts'
import { ShopperSessionError } from '../errors.ts'
import { ShopperSessionContext } from './context.ts'
import type { SessionLike } from './sessionLike.ts'

/**
 * The session of the nearest {@link ShopperSessionProvider}, for hooks and components built on
 * it (a data-fetching layer, a `session.fetch` call in an event handler). Throws
 * `invalid_config` outside a Provider.
 *
 * @example
 * ```tsx
 * function Greeting() {
 *   const session = useShopperSession()
 *   return <button onClick={() => void session.logout()}>Sign out</button>
 * }
 * ```
 */
export function useShopperSession(): SessionLike {
  const provided = useContext(ShopperSessionContext)
  if (provided === undefined) {
    throw new ShopperSessionError(
      'invalid_config',
      'useShopperSession: no <ShopperSessionProvider session={…}> above this component',
    )
  }
  return provided.session
}

/**
 * The account flows given to the nearest {@link ShopperSessionProvider} (its `account` prop).
 * Throws `invalid_config` outside a Provider or when the Provider has none.
 *
 * @example
 * ```tsx
 * const account = useAccountFlows()
 * await account.changePassword({ currentPassword, newPassword })
 * ```
 */
export function useAccountFlows(): AccountFlows {
  const provided = useContext(ShopperSessionContext)
  if (provided?.account === undefined) {
    throw new ShopperSessionError(
      'invalid_config',
      'useAccountFlows: give the account flows to the Provider: ' +
        '<ShopperSessionProvider session={session} account={createAccountFlows(session)}>',
    )
  }
  return provided.account
}
