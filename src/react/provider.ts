'use client'
/**
 * `ShopperSessionProvider`: hands a session made outside React to the hooks below it.
 *
 * @module
 */
import { createElement, type ReactElement, type ReactNode, useMemo } from 'react'
import type { AccountFlows } from '../account/createAccountFlows.ts'
import { ShopperSessionContext } from './context.ts'
import type { SessionLike } from './sessionLike.ts'

/**
 * Props of {@link ShopperSessionProvider}.
 *
 * @example
 * ```tsx
 * const props: ShopperSessionProviderProps = { session, account, children: <App /> }
 * ```
 */
export interface ShopperSessionProviderProps {
  /** The session, created (and stopped, if ever) by the app, outside React. */
  session: SessionLike
  /**
   * The session's account flows (`createAccountFlows(session, …)`), for `usePasswordReset()`,
   * `useLoginIdChange()` and `usePasswordChange()`. Leave it out when no component uses them.
   */
  account?: AccountFlows | undefined
  children?: ReactNode
}

/**
 * Makes `session` available to the hooks below it. It never creates, starts or stops the
 * session, as TanStack's `QueryClientProvider` never creates its client: the session outlives
 * every render, StrictMode's double mount and hot reloads, and starts on its first use
 * (`ready()`, `getAccessToken()`, `login()`, …).
 *
 * @example
 * ```tsx
 * import { createShopperSession } from 'shopper-session'
 * import { createAccountFlows } from 'shopper-session/account'
 * import { ShopperSessionProvider } from 'shopper-session/react'
 *
 * const session = createShopperSession(config) // once, at module level
 * const account = createAccountFlows(session)
 *
 * export function App() {
 *   return (
 *     <ShopperSessionProvider session={session} account={account}>
 *       <Header />
 *     </ShopperSessionProvider>
 *   )
 * }
 * ```
 */
export function ShopperSessionProvider({
  session,
  account,
  children,
}: ShopperSessionProviderProps): ReactElement {
  // A new value only when the session or the flows change: every consumer re-renders on a new one.
  const value = useMemo(() => ({ session, account }), [session, account])
  return createElement(ShopperSessionContext.Provider, { value }, children)
}
