/**
 * The page's entry: the providers around the shell. The session, flows and clients are made in
 * `shop.ts`, once, outside React.
 *
 * @module
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ShopperSessionProvider } from 'shopper-session/react'
import { ShopperQueryProvider } from 'shopper-session/react-query'
import { App } from './App.tsx'
import { account, customers, queryClient, session } from './shop.ts'
import './styles.css'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ShopperSessionProvider session={session} account={account}>
        <ShopperQueryProvider customers={customers}>
          <App />
        </ShopperQueryProvider>
      </ShopperSessionProvider>
    </QueryClientProvider>
  </StrictMode>,
)
