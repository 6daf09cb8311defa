/**
 * `/e2e/statechart.html`: the browser entry's `createShopperSession` inspected by the statechart
 * view (`shopper-session/inspect/view`), which is mounted in the page; elkjs comes in through the
 * view's dynamic import, bundled by esbuild as an app's bundler would. Reports tags only, and
 * whether the page shows a token (it must not), never the token itself.
 */
import { createShopperSession, type ShopperSession } from '../../../src/browser.ts'
import { createStatechartView, type StatechartView } from '../../../src/inspect/view.ts'
import type { PageSettings } from '../server.ts'

/** `window.e2eStatechart` on `/e2e/statechart.html`. */
export interface StatechartPageApi {
  /** Creates the view and the session, mounts the view and waits for `ready()`; the tags. */
  start(): Promise<string[]>
  login(username: string, password: string): Promise<string[]>
  /** Whether the page's markup or the view's log holds the session's access or refresh token. */
  showsTokens(): boolean
}

declare global {
  interface Window {
    e2eStatechart?: StatechartPageApi
  }
}

let session: ShopperSession | undefined
let view: StatechartView | undefined

function current(): ShopperSession {
  if (session === undefined) throw new Error('statechart page: call start() first')
  return session
}

const tags = () => [...current().getSnapshot().tags].sort()

const api: StatechartPageApi = {
  async start() {
    const settings = (await (await fetch('/e2e/settings')).json()) as PageSettings
    view = createStatechartView()
    session = createShopperSession({
      baseUrl: location.origin,
      organizationId: settings.organizationId,
      siteId: settings.siteId,
      clientId: settings.clientId,
      redirectURI: settings.redirectURI,
      inspect: view.inspect,
    })
    const element = document.createElement('main')
    document.body.append(element)
    view.mount(element)
    await session.ready()
    return tags()
  },
  async login(username, password) {
    await current().login(username, password)
    return tags()
  },
  showsTokens() {
    const tokens = current().getTokens()
    if (tokens === undefined) return false
    const shown = document.documentElement.outerHTML + JSON.stringify(view?.entries())
    return [tokens.accessToken, tokens.refreshToken].some((token) => shown.includes(token))
  },
}

window.e2eStatechart = api
