'use client'
/**
 * `useSessionAction(perform)`: a session call with its pending and error state, the base of
 * `useLogin()`, `useRegister()` and `useLogout()`.
 *
 * @module
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import type { ShopperSessionError } from '../errors.ts'
import type { SessionLike } from './sessionLike.ts'
import { toError } from './toError.ts'
import { useLatest } from './useLatest.ts'
import { useShopperSession } from './useShopperSession.ts'

/**
 * A session call as a component uses it. `run` resolves `true` when the call succeeded and
 * `false` when it failed (the error is then in `error`); it never rejects, so
 * `onClick={() => void run(…)}` leaves no unhandled rejection.
 *
 * @example
 * ```tsx
 * const { run, pending, error, reset } = useLogout()
 * <button disabled={pending} onClick={() => void run()}>Sign out</button>
 * ```
 */
export interface SessionAction<Args extends unknown[]> {
  /** Makes the call; the state describes the newest call when several overlap. */
  run(...args: Args): Promise<boolean>
  /** A call is running. */
  pending: boolean
  /** Why the newest call failed; `undefined` while one runs and after a success. */
  error: ShopperSessionError | undefined
  /** Forgets the error (the form was edited); a running call still updates the state. */
  reset(): void
}

interface ActionState {
  pending: boolean
  error: ShopperSessionError | undefined
}

const IDLE: ActionState = { pending: false, error: undefined }

/**
 * The call `perform(session, ...args)` on the provided session, with its state: the base of
 * `useLogin()`, `useRegister()` and `useLogout()`, for calls of your own on a `SessionLike`.
 * `run` is the same function on every render and calls the newest `perform`; errors become
 * `ShopperSessionError`s.
 *
 * @example
 * ```tsx
 * // Sign out everywhere, then go home.
 * const logoutEverywhere = (session: SessionLike) => session.logout({ allSessions: true })
 *
 * function SignOutEverywhere() {
 *   const { run, pending } = useSessionAction(logoutEverywhere)
 *   return (
 *     <button disabled={pending} onClick={() => void run().then((ok) => ok && navigate('/'))}>
 *       Sign out on every device
 *     </button>
 *   )
 * }
 * ```
 */
export function useSessionAction<Args extends unknown[]>(
  perform: (session: SessionLike, ...args: Args) => Promise<void>,
): SessionAction<Args> {
  const session = useShopperSession()
  const [state, setState] = useState(IDLE)
  const latest = useLatest({ session, perform })
  // Calls are numbered: only the newest one writes the state (an older one ends in silence).
  const calls = useRef(0)

  const run = useCallback(
    async (...args: Args): Promise<boolean> => {
      const call = ++calls.current
      setState({ pending: true, error: undefined })
      try {
        await latest.current.perform(latest.current.session, ...args)
        if (call === calls.current) setState(IDLE)
        return true
      } catch (error) {
        if (call === calls.current) setState({ pending: false, error: toError(error) })
        return false
      }
    },
    [latest],
  )
  const reset = useCallback(() => {
    setState((now) => (now.error === undefined ? now : { ...now, error: undefined }))
  }, [])
  return useMemo(() => ({ run, reset, ...state }), [run, reset, state])
}
