/**
 * The browser half of the SSR page (bundled by ./server.ts): reads the state the server
 * embedded, creates the remote session from it and hydrates the server's HTML with the same app.
 * Sets `data-hydrated` on `<body>` once React committed the hydrated tree.
 */
import { hydrate } from '@tanstack/react-query'
import { createElement, type ReactNode, useEffect } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { createShopperCustomers } from '../../../src/customers.ts'
import { createRemoteSession, readState, type RemoteSessionConfig } from '../../../src/remote.ts'
import { App, createQueryClient, type PageState, STATE_ID } from '../../ssr/app.ts'

function embedded<T>(id: string): T {
  const text = document.getElementById(id)?.textContent
  if (!text) throw new Error(`the page has no #${id}`)
  return JSON.parse(text) as T
}

function Hydrated(props: { children: ReactNode }) {
  useEffect(() => {
    document.body.dataset.hydrated = 'true'
  }, [])
  return props.children
}

const state = embedded<PageState>(STATE_ID)
const { endpoint, scapi } = embedded<Pick<RemoteSessionConfig, 'endpoint' | 'scapi'>>('page-config')
const session = createRemoteSession({ endpoint, scapi, initial: readState(state.session) })
const customers = createShopperCustomers(session)
const queryClient = createQueryClient()
hydrate(queryClient, state.queries)

const root = document.getElementById('root')
if (root === null) throw new Error('the page has no #root')
hydrateRoot(
  root,
  createElement(Hydrated, null, createElement(App, { session, customers, queryClient })),
  { onRecoverableError: (error) => console.error('recoverable hydration error', String(error)) },
)
