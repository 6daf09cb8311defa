'use client'
/**
 * `useShopper()`: who the shopper is, re-rendering only when that changes.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import type { Shopper } from '../session/shopper.ts'
import { sameView } from './equal.ts'
import { sessionSource } from './sessionSource.ts'
import { useShopperSession } from './useShopperSession.ts'

/**
 * The shopper of the provided session: `{ kind: 'guest' | 'registered', customerId, loginId,
 * usid }`, or `undefined` before the session holds tokens. The component re-renders only when
 * one of these fields changes (a login, a logout, a new guest session); a token refresh, which
 * keeps them all, renders nothing. It never starts the session.
 *
 * @example
 * ```tsx
 * function Header() {
 *   const shopper = useShopper()
 *   if (shopper?.kind !== 'registered') return <a href="/login">Sign in</a>
 *   return <span>{shopper.loginId}</span>
 * }
 * ```
 */
export function useShopper(): Shopper | undefined {
  const session = useShopperSession()
  // `getShopper()` makes a new object on every call: equal fields count as no change.
  return useSelector(sessionSource(session), () => session.getShopper(), sameView)
}
