/**
 * `shopper-session/react`: React bindings for a session created outside React. A Provider that
 * only hands the session down (it never creates, starts or stops it), hooks that select narrow
 * slices of it through `@xstate/react`'s `useSelector` (a component re-renders only when its
 * slice changes), actions with pending and error state, the account flows as component state,
 * and typed events. The hooks need only a {@link SessionLike}: a `ShopperSession`, or a session
 * the app's server holds behind the same interface.
 *
 * `react` (18 or 19) and `@xstate/react` (6) are optional peer dependencies: only apps that
 * import this entry need them.
 *
 * @example
 * ```tsx
 * import { createShopperSession } from 'shopper-session'
 * import { ShopperSessionProvider, useLogin, useShopper } from 'shopper-session/react'
 *
 * const session = createShopperSession(config) // once, outside React
 *
 * function Header() {
 *   const shopper = useShopper() // re-renders on login and logout, not on token refreshes
 *   const login = useLogin()
 *   if (shopper?.kind === 'registered') return <span>{shopper.loginId}</span>
 *   return (
 *     <button disabled={login.pending} onClick={() => void login.run({ username, password })}>
 *       Sign in
 *     </button>
 *   )
 * }
 *
 * export const App = () => (
 *   <ShopperSessionProvider session={session}>
 *     <Header />
 *   </ShopperSessionProvider>
 * )
 * ```
 * @module
 */
export type { SessionLike, SessionSnapshotLike } from './react/sessionLike.ts'
export { ShopperSessionProvider, type ShopperSessionProviderProps } from './react/provider.ts'
export { useAccountFlows, useShopperSession } from './react/useShopperSession.ts'
export { useShopper } from './react/useShopper.ts'
export { type SessionTags, useSessionTag, useSessionTags } from './react/useSessionTags.ts'
export { useSessionError } from './react/useSessionError.ts'
export { type AccessTokenState, useAccessToken } from './react/useAccessToken.ts'
export { useSessionEvent } from './react/useSessionEvent.ts'
export { type SessionAction, useSessionAction } from './react/useSessionAction.ts'
export { useLogin, useLogout, useRegister } from './react/actions.ts'
export { type PasswordResetFlow, usePasswordReset } from './react/usePasswordReset.ts'
export { type LoginIdChangeFlow, useLoginIdChange } from './react/useLoginIdChange.ts'
export { type PasswordChangeFlow, usePasswordChange } from './react/usePasswordChange.ts'
// The types the hooks' signatures name, so an app can name them without a second import.
export type {
  LoginCredentials,
  LogoutOptions,
  Registration,
  SessionEmitted,
  SessionEventHandler,
  SessionTag,
  Shopper,
} from './session.ts'
export type { AccessTokenOptions } from './session/accessToken.ts'
