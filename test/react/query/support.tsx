/**
 * Helpers for the React Query tests: a session on the in-process emulator (test/react/support.tsx)
 * with its customers client and a QueryClient, rendering under both Providers, and reading which
 * shoppers the QueryClient holds data for.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach } from 'vitest'
import type { AccountFlows } from '../../../src/account.ts'
import { createShopperCustomers, type ShopperCustomers } from '../../../src/customers.ts'
import type { SessionLike } from '../../../src/react.ts'
import { ShopperQueryProvider } from '../../../src/reactQuery.ts'
import { emulatorSession, withProvider } from '../support.tsx'

const clients: QueryClient[] = []
afterEach(() => {
  // Ends the clients' garbage-collection timers with the test.
  for (const client of clients.splice(0)) client.clear()
})

/**
 * A QueryClient as an app makes it, but with no delay between retries (the retry rule under test
 * is the factories' own `retry`; the delay is TanStack's).
 */
export function testQueryClient(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } })
  clients.push(client)
  return client
}

/** `emulatorSession()` plus the session's customers client and a fresh QueryClient. */
export function querySetup() {
  const setup = emulatorSession()
  return { ...setup, customers: createShopperCustomers(setup.session), client: testQueryClient() }
}

/** What a render under both Providers needs. */
export interface QueryRenderOptions {
  session: SessionLike
  customers: ShopperCustomers
  client: QueryClient
  account?: AccountFlows
  strict: boolean
}

/** Renders `ui` under QueryClientProvider, ShopperSessionProvider and ShopperQueryProvider. */
export function renderQueries(ui: ReactNode, options: QueryRenderOptions): RenderResult {
  const tree = withProvider(
    <ShopperQueryProvider customers={options.customers}>{ui}</ShopperQueryProvider>,
    options,
  )
  return render(<QueryClientProvider client={options.client}>{tree}</QueryClientProvider>)
}

/**
 * The queries `client` holds now; `remaining()` lists those still in it later. Taken just before a
 * shopper change, every query is the previous shopper's: none may remain after it (a query fetched
 * again under the same key is a new one).
 */
export function queriesNow(client: QueryClient): { count: number; remaining(): string[] } {
  const before = new Set(client.getQueryCache().getAll())
  return {
    count: before.size,
    remaining: () =>
      client
        .getQueryCache()
        .getAll()
        .filter((query) => before.has(query))
        .map((query) => query.queryHash),
  }
}
