/**
 * Server rendering with a server-held session, in Node against the in-process emulator: a page
 * handler on `withShopperSession` prefetches with the react-query factories and renders the React
 * app with react-dom/server over the request's session. The page never carries a token, and 100
 * concurrent requests of 20 shoppers (guests and registered, each with its own cookies, the
 * emulator answering after random delays so the requests interleave) each show only their own
 * shopper.
 */
import { describe, expect, it } from 'vitest'
import type { ShopperSeed } from '../../src/emulator/index.ts'
import { createSessionEndpoint, withShopperSession } from '../../src/server/index.ts'
import { cookiesAfter, pageRequest, serverSetup } from '../server/helpers.ts'
import { endpointRequest } from '../server/sessionEndpointHelpers.ts'
import type { PageState } from './app.ts'
import { pageHandler, STATE_ID } from './render.ts'

const REGISTERED = 12
const GUESTS = 8
const REQUESTS = 100

// Distinct words, none a prefix of another: a name found in a page is that shopper's.
const NAMES = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Ginkgo', 'Hazel', 'Ivy'].concat(
  ['Juniper', 'Kapok', 'Larch'],
)
const seeds: ShopperSeed[] = NAMES.slice(0, REGISTERED).map((name, index) => ({
  login: `${name.toLowerCase()}@example.com`,
  password: `${name}-Password-${index}!x`,
  firstName: `${name}first`,
  lastName: `${name}last`,
}))

/** The page's embedded state. */
function embedded(html: string): PageState {
  const match = new RegExp(`<script type="application/json" id="${STATE_ID}">(.*?)</script>`).exec(
    html,
  )
  if (!match?.[1]) throw new Error('no embedded state in the page')
  return JSON.parse(match[1]) as PageState
}

/** An emulator whose answers come after 1 to 15 ms, counting requests in flight at once. */
function slowSetup() {
  const setup = serverSetup({ shoppers: seeds })
  let inFlight = 0
  let mostInFlight = 0
  const fetch: typeof globalThis.fetch = async (input, init) => {
    inFlight += 1
    mostInFlight = Math.max(mostInFlight, inFlight)
    try {
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 14))
      return await setup.emulator.fetch(input, init)
    } finally {
      inFlight -= 1
    }
  }
  return { ...setup, config: { ...setup.config, fetch }, mostInFlight: () => mostInFlight }
}

describe('server rendering with a server-held session', () => {
  it('a first visit logs a guest in on the server; the page and its state hold no token', async () => {
    const { config, emulator, count } = slowSetup()
    const handle = withShopperSession(config, pageHandler)
    const response = await handle(pageRequest())
    const html = await response.text()
    expect(count('authorizeCustomer')).toBe(1)
    expect(response.headers.getSetCookie()[0]).toMatch(/HttpOnly/)
    const state = embedded(html)
    expect(state.session).toMatchObject({
      shopper: { kind: 'guest' },
      tags: ['guest', 'tokenValid'],
    })
    expect(html).toContain('Welcome, guest')
    const secrets = emulator.control.secrets(['accessToken', 'refreshToken'])
    expect(secrets.length).toBeGreaterThanOrEqual(2)
    for (const secret of secrets) expect(html).not.toContain(secret)
  })

  it('100 concurrent requests of 20 shoppers: each page shows its own shopper, no token', async () => {
    const { config, emulator, mostInFlight } = slowSetup()
    const endpoint = createSessionEndpoint(config, { rateLimit: false, logger: null })
    const handle = withShopperSession(config, pageHandler)

    // Each shopper's browser: its cookies, and who the server says it is.
    const browsers = await Promise.all(
      Array.from({ length: REGISTERED + GUESTS }, async (_, index) => {
        const seed = seeds[index]
        const body = seed && { action: 'login', username: seed.login, password: seed.password }
        const response = await endpoint(endpointRequest(body))
        const state = (await response.json()) as PageState['session']
        expect(state.shopper?.kind).toBe(seed ? 'registered' : 'guest')
        return { seed, cookie: cookiesAfter(response.headers.getSetCookie()), state }
      }),
    )
    const customerIds = browsers.map((browser) => browser.state.shopper?.customerId ?? '')
    expect(new Set(customerIds).size).toBe(browsers.length)

    const pages = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, index) => {
        const browser = browsers[index % browsers.length]
        if (!browser) throw new Error('no browser')
        const response = await handle(pageRequest(browser.cookie))
        return { index, browser, html: await response.text() }
      }),
    )
    expect(mostInFlight()).toBeGreaterThanOrEqual(10) // the requests really overlapped

    const tokens = emulator.control.secrets(['accessToken', 'refreshToken'])
    expect(tokens.length).toBeGreaterThanOrEqual(browsers.length * 2)
    for (const { index, browser, html } of pages) {
      const state = embedded(html)
      const own = index % browsers.length
      expect(state.session.shopper?.customerId).toBe(customerIds[own])
      if (browser.seed) {
        const { firstName, lastName, email = browser.seed.login } = browser.seed
        expect(html).toContain(`Hello ${firstName} ${lastName} &lt;${email}&gt;`)
        expect(state.session.shopper?.loginId).toBe(browser.seed.login)
      } else {
        expect(html).toContain('Welcome, guest')
        expect(state.queries.queries).toEqual([])
      }
      // Nobody else's name, login or customer id, in the HTML or the embedded state.
      for (const [other, id] of customerIds.entries()) {
        if (other === own) continue
        expect(html).not.toContain(id)
        const seed = seeds[other]
        if (seed) {
          expect(html).not.toContain(seed.lastName)
          expect(html).not.toContain(seed.login)
        }
      }
      for (const token of tokens) expect(html).not.toContain(token)
    }
  })
})
