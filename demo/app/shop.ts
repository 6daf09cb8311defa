/**
 * The shop's long-lived objects, made once when the page loads and never inside React: the
 * session (the Provider only hands it down), its account flows, the Shopper Customers client,
 * the query cache, and the statechart view every machine reports to.
 *
 * @module
 */
import { QueryClient } from '@tanstack/react-query'
import { createShopperSession } from 'shopper-session'
import { createAccountFlows, createPasswordResetClient } from 'shopper-session/account'
import { createShopperCustomers } from 'shopper-session/customers'
import { createStatechartView } from 'shopper-session/inspect/view'
import { retryTransient } from 'shopper-session/react-query'
import { readPageConfig } from '../shared/pageConfig.ts'
import { API_PROXY_PATH, CALLBACK_PATH, PASSWORD_RESET_PATH, SITE } from '../shared/site.ts'

const origin = window.location.origin

/** What the server announced: where the API is, and whether the dev endpoints answer. */
export const pageConfig = readPageConfig(document)

/**
 * The live statechart view: the session and every account flow report to it (redacted), and
 * the inspector panel mounts it once per machine.
 */
export const statechartView = createStatechartView({ maxEntries: 300 })

/**
 * The shopper's session. By default the API is reached through the page's own origin (the
 * server proxies it, as PWA Kit deploys it), so the page, SLAS and the redirect URI share one
 * origin: no CORS. With the API on another origin (`apiBase`), that origin answers CORS for
 * this page and the callback answers `Access-Control-Allow-Origin: *`.
 */
export const session = createShopperSession({
  ...SITE,
  baseUrl: pageConfig.apiBase ?? `${origin}${API_PROXY_PATH}`,
  redirectURI: `${origin}${CALLBACK_PATH}`,
  inspect: statechartView.inspect,
}).start()

/** Password reset (through the demo server), loginId change and password change. */
export const account = createAccountFlows(session, {
  passwordReset: createPasswordResetClient({ endpoint: PASSWORD_RESET_PATH }),
  inspect: statechartView.inspect,
})

/** Shopper Customers and Shopper Baskets on the session's token. */
export const customers = createShopperCustomers(session)

/** The page's query cache: transient failures retried, as the library advises. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: retryTransient } },
})
