'use client'
/**
 * `ShopperQueryProvider`: the query hooks' customers client, and the QueryClient bound to the
 * session's shopper.
 *
 * @module
 */
import { useQueryClient } from '@tanstack/react-query'
import { createElement, type ReactElement, type ReactNode, useEffect, useLayoutEffect } from 'react'
import type { ShopperCustomers } from '../customers.ts'
import { useShopperSession } from '../react/useShopperSession.ts'
import { bindShopperCache } from './bindShopperCache.ts'
import { ShopperQueryContext } from './context.ts'

// useLayoutEffect warns during server rendering, where nothing is bound anyway.
const useCommitEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * Props of {@link ShopperQueryProvider}.
 *
 * @example
 * ```tsx
 * const props: ShopperQueryProviderProps = { customers, children: <Account /> }
 * ```
 */
export interface ShopperQueryProviderProps {
  /** `createShopperCustomers(session)`, made once beside the session, outside React. */
  customers: ShopperCustomers
  children?: ReactNode
}

/**
 * Gives the query hooks below it the customers client, and binds the QueryClient of the nearest
 * `QueryClientProvider` to the session of the nearest `ShopperSessionProvider` for as long as it
 * is mounted (`bindShopperCache`): a shopper change removes the previous shopper's queries. It
 * binds as it commits, before any query below it starts fetching.
 *
 * @example
 * ```tsx
 * import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
 * import { createShopperSession } from 'shopper-session'
 * import { createShopperCustomers } from 'shopper-session/customers'
 * import { ShopperSessionProvider } from 'shopper-session/react'
 * import { ShopperQueryProvider } from 'shopper-session/react-query'
 *
 * const session = createShopperSession(config) // once, outside React
 * const customers = createShopperCustomers(session)
 * const queryClient = new QueryClient()
 *
 * export const App = () => (
 *   <QueryClientProvider client={queryClient}>
 *     <ShopperSessionProvider session={session}>
 *       <ShopperQueryProvider customers={customers}>
 *         <Account />
 *       </ShopperQueryProvider>
 *     </ShopperSessionProvider>
 *   </QueryClientProvider>
 * )
 * ```
 */
export function ShopperQueryProvider({
  customers,
  children,
}: ShopperQueryProviderProps): ReactElement {
  const session = useShopperSession()
  const queryClient = useQueryClient()
  useCommitEffect(() => bindShopperCache(queryClient, session), [queryClient, session])
  return createElement(ShopperQueryContext.Provider, { value: customers }, children)
}
