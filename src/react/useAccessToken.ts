'use client'
/**
 * `useAccessToken()`: the session's current access token as React state, following refreshes,
 * logins and logouts.
 *
 * @module
 */
import { useEffect, useMemo, useState } from 'react'
import type { ShopperSessionError } from '../errors.ts'
import { toError } from './toError.ts'
import { useSessionEvent } from './useSessionEvent.ts'
import { useSessionTag } from './useSessionTags.ts'
import { useShopper } from './useShopper.ts'
import { useShopperSession } from './useShopperSession.ts'

/**
 * What {@link useAccessToken} returns.
 *
 * @example
 * ```ts
 * const { token, error, loading }: AccessTokenState = useAccessToken()
 * ```
 */
export interface AccessTokenState {
  /**
   * The access token of the current shopper while it is valid; `undefined` before the first one,
   * after it expired (until the refresh), and at once when the shopper changes (never another
   * shopper's token). Never log it.
   */
  token: string | undefined
  /**
   * Why `getAccessToken()` failed for the session as it is now (`network`, `timeout`, …);
   * `undefined` again once the session changes (a retry is then under way) or a call succeeds.
   */
  error: ShopperSessionError | undefined
  /** A `getAccessToken()` call for the current state is running. */
  loading: boolean
}

// What the token was fetched for: the result is current while the key is.
interface Fetched {
  key: string
  /** The shopper the token belongs to. */
  identity: string
  token: string | undefined
  error: ShopperSessionError | undefined
}

/**
 * The provided session's access token for rendering authenticated requests (an `<img>` of a
 * protected resource, a third-party SDK that wants a token). It asks `getAccessToken()` (which
 * answers at once while the token is valid and starts the session when needed, as any first use
 * does) on mount, after every refresh (`token.refreshed`, also one adopted from another tab),
 * when the shopper changes and when the token expires; concurrent calls share one refresh, so
 * StrictMode's double mount sends no second request. For calls to the API, prefer
 * `session.fetch`: it refreshes and retries after a 401 on its own.
 *
 * @example
 * ```tsx
 * function Avatar() {
 *   const { token, error, loading } = useAccessToken()
 *   if (error) return <p>Could not sign the request ({error.code})</p>
 *   if (token === undefined) return loading ? <Spinner /> : null
 *   return <ProtectedImage src="/avatar" token={token} />
 * }
 * ```
 */
export function useAccessToken(): AccessTokenState {
  const session = useShopperSession()
  const shopper = useShopper()
  const tokenValid = useSessionTag('tokenValid')
  // Counts refreshes: each one asks for the new token (`tokenValid` stays true through it).
  const [refreshes, setRefreshes] = useState(0)
  useSessionEvent('token.refreshed', () => setRefreshes((count) => count + 1))

  const identity = shopper === undefined ? '' : `${shopper.kind}:${shopper.customerId ?? ''}`
  const key = `${identity}|${String(tokenValid)}|${refreshes}`
  const [fetched, setFetched] = useState<Fetched | undefined>(undefined)

  useEffect(() => {
    // The wait ends when the state moves on (the session's refresh itself goes on).
    const controller = new AbortController()
    const { signal } = controller
    const settle = (result: Omit<Fetched, 'key' | 'identity'>) => {
      if (!signal.aborted) setFetched({ key, identity, ...result })
    }
    session.getAccessToken({ signal }).then(
      (token) => settle({ token, error: undefined }),
      (error: unknown) => settle({ token: undefined, error: toError(error) }),
    )
    return () => controller.abort()
  }, [session, key, identity])

  const current = fetched?.key === key
  // While the next token loads, the last one stays if it is the same shopper's and still valid.
  const token = tokenValid && fetched?.identity === identity ? fetched.token : undefined
  const error = current ? fetched.error : undefined
  return useMemo(() => ({ token, error, loading: !current }), [token, error, current])
}
