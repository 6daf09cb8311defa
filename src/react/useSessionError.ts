'use client'
/**
 * `useSessionError()`: the session's last error, as a `ShopperSessionError`.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import { useMemo } from 'react'
import type { ShopperSessionError } from '../errors.ts'
import { sessionSource } from './sessionSource.ts'
import { toError } from './toError.ts'
import { useShopperSession } from './useShopperSession.ts'

/**
 * The provided session's last failure the shopper should hear about (its snapshot's
 * `context.error`: why no session could be started while `unavailable`, a failed sign-in), or
 * `undefined`. Re-renders only when that error changes. Failures of a call made through
 * `useLogin()` and friends are on that hook as well.
 *
 * @example
 * ```tsx
 * function Offline() {
 *   const unavailable = useSessionTag('unavailable')
 *   const error = useSessionError()
 *   return unavailable ? <p>No connection ({error?.code}): retrying</p> : null
 * }
 * ```
 */
export function useSessionError(): ShopperSessionError | undefined {
  const session = useShopperSession()
  const data = useSelector(sessionSource(session), (snapshot) => snapshot.context.error)
  // One error object per error the session keeps, so a component can compare them.
  return useMemo(() => (data === undefined ? undefined : toError(data)), [data])
}
