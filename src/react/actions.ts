'use client'
/**
 * `useLogin()`, `useRegister()`, `useLogout()`: the session's actions with pending and error
 * state.
 *
 * @module
 */
import type { LoginCredentials, LogoutOptions, Registration } from '../session.ts'
import type { SessionLike } from './sessionLike.ts'
import { type SessionAction, useSessionAction } from './useSessionAction.ts'

// Module-level, so the hooks hand the same function to useSessionAction on every render.
const login = (session: SessionLike, credentials: LoginCredentials) => session.login(credentials)
const register = (session: SessionLike, registration: Registration) =>
  session.register(registration)
const logout = (session: SessionLike, options?: LogoutOptions) => session.logout(options)

/**
 * Logs the shopper in on the provided session: `run({ username, password })` (the guest's basket
 * moves over). `error` is the `ShopperSessionError` of a failed login (`invalid_credentials`,
 * `account_locked`, `conflict`, …); the guest session stays usable.
 *
 * @example
 * ```tsx
 * function LoginForm() {
 *   const { run, pending, error } = useLogin()
 *   const submit = (event: FormEvent<HTMLFormElement>) => {
 *     event.preventDefault()
 *     const form = new FormData(event.currentTarget)
 *     void run({ username: String(form.get('login')), password: String(form.get('password')) })
 *   }
 *   return (
 *     <form onSubmit={submit}>
 *       {error?.code === 'invalid_credentials' && <p>Wrong login or password</p>}
 *       <button disabled={pending}>Sign in</button>
 *     </form>
 *   )
 * }
 * ```
 */
export function useLogin(): SessionAction<[credentials: LoginCredentials]> {
  return useSessionAction(login)
}

/**
 * Registers a shopper and logs them in on the provided session: `run({ customer, password })`.
 * `error` is the `ShopperSessionError` of a failure (`login_taken`, `weak_password`, …).
 *
 * @example
 * ```tsx
 * const { run, pending, error } = useRegister()
 * const ok = await run({ customer: { login, email: login, lastName }, password })
 * if (ok) navigate('/account')
 * ```
 */
export function useRegister(): SessionAction<[registration: Registration]> {
  return useSessionAction(register)
}

/**
 * Signs the shopper out of the provided session (`run()`, or `run({ allSessions: true })`);
 * a new guest session follows. A remote failure is reported as `logout.remoteFailed` and does
 * not fail the logout.
 *
 * @example
 * ```tsx
 * function SignOut() {
 *   const { run, pending } = useLogout()
 *   return <button disabled={pending} onClick={() => void run()}>Sign out</button>
 * }
 * ```
 */
export function useLogout(): SessionAction<[options?: LogoutOptions]> {
  return useSessionAction(logout)
}
