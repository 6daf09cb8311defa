/**
 * A server-rendered page as an app would make it with a server-held session: a page handler for
 * `withShopperSession` that prefetches with the query factories, renders the app with
 * react-dom/server over the request's session, and embeds `dehydrateSession` and the query
 * cache's `dehydrate` for the browser. Shared by the Node SSR tests and the Chromium test server.
 */
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { createShopperCustomers } from '../../src/customers.ts'
import { createShopperQueries } from '../../src/reactQuery.ts'
import { dehydrateSession, type ServerSession } from '../../src/server/index.ts'
import { App, createQueryClient, dehydrate, type PageState, STATE_ID, scriptJson } from './app.ts'

export { STATE_ID }

/** The page of `session`: its HTML, and the state embedded in it. */
export async function renderPage(
  session: ServerSession,
  scripts = '',
): Promise<{ html: string; state: PageState }> {
  const customers = createShopperCustomers(session)
  const queries = createShopperQueries(customers, session)
  const queryClient = createQueryClient()
  await session.getAccessToken() // a first visit's guest login happens here, on the server
  if (session.getShopper()?.kind === 'registered') {
    await queryClient.prefetchQuery(queries.profile())
  }
  const state: PageState = { session: dehydrateSession(session), queries: dehydrate(queryClient) }
  const body = renderToString(createElement(App, { session, customers, queryClient }))
  queryClient.clear()
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>account</title></head><body>' +
    `<div id="root">${body}</div>` +
    `<script type="application/json" id="${STATE_ID}">${scriptJson(state)}</script>` +
    `${scripts}</body></html>`
  return { html, state }
}

/** A page handler for `withShopperSession`. */
export async function pageHandler(
  _request: Request,
  session: ServerSession,
  scripts = '',
): Promise<Response> {
  const { html } = await renderPage(session, scripts)
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
}
