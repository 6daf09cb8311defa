/**
 * Playwright fixtures of the demo journeys: the e2e fixtures (../fixtures.ts: the secret guard,
 * `emulator`, `openPages`) over the demo server instead of the e2e test server.
 *
 * - `demo` (per worker): the demo storefront (demo/server) on a free `localhost` port, serving
 *   the page built once by the `demo-build` project, with its development endpoints (control
 *   strip, reset outbox). `baseURL` is its origin, so `page.goto('/#/login')` works.
 * - before each test: the emulator back to its seeded state and the API back online, so a test
 *   never sees what the one before it did.
 * - `consoleErrors` (automatic): every console error and page error of every page of the test
 *   fails it, unless the test allowed that message (`consoleErrors.allow(/status of 503/)` for a
 *   failure it provokes); it also fails the test when a password the test made up (register
 *   with `consoleErrors.secret(value)`) shows in the console.
 */
import type { ConsoleMessage, Page } from '@playwright/test'
import type { ShopperSeed } from '../../../src/emulator/index.ts'
import { describeSecret, findLeaks } from '../../support/secrets.ts'
import { startDemoServer, type DemoServer } from '../../../demo/server/demoServer.ts'
import { CONTROL_ACTIONS, DEV_HEADER, DEV_PATH } from '../../../demo/shared/site.ts'
import { test as base } from '../fixtures.ts'
import { assertBuilt, DEMO_DIST } from './dist.ts'

export { expect } from '../fixtures.ts'

/** What the console guard lets pass, and what else it must never see. */
export interface ConsoleErrors {
  /** Lets console errors matching `pattern` pass (a failure the test provokes on purpose). */
  allow(pattern: RegExp): void
  /** A value (a password the test chose) that must not appear in any console message. */
  secret(value: string): void
}

interface DemoTestFixtures {
  consoleErrors: ConsoleErrors
  resetDemo: void
}

interface DemoWorkerFixtures {
  demo: DemoServer
}

/** A seeded shopper of the demo's emulator (`index` 0: Ada, 1: Grace). */
export function seededShopper(demo: DemoServer, index = 0): ShopperSeed {
  const shopper = demo.emulator.settings.shoppers[index]
  if (shopper === undefined) throw new Error(`the emulator has no seeded shopper #${index}`)
  return shopper
}

/** Pulls a lever of the control strip from Node (`POST /__dev/control`), as the page does. */
export async function pullControl(
  demo: DemoServer,
  action: (typeof CONTROL_ACTIONS)[number],
): Promise<void> {
  const response = await fetch(`${demo.url}${DEV_PATH}/control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_HEADER]: '1' },
    body: JSON.stringify({ action }),
  })
  if (!response.ok) throw new Error(`${DEV_PATH}/control ${action}: ${response.status}`)
}

function describeMessage(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location()
  return `console.${message.type()}: ${message.text()}${url === '' ? '' : ` (${url}:${lineNumber})`}`
}

/** The demo `test`: the e2e fixtures over a demo server. */
export const test = base.extend<DemoTestFixtures, DemoWorkerFixtures>({
  demo: [
    async ({}, use) => {
      assertBuilt()
      const demo = await startDemoServer({ distDir: DEMO_DIST, port: 0, dev: true, logger: null })
      await use(demo)
      await demo.close()
    },
    { scope: 'worker' },
  ],
  // The e2e fixtures (secret guard, `emulator`, `baseURL`) work on whatever `server` gives.
  server: [
    async ({ demo }, use) => {
      await use({ origin: demo.url, emulator: demo.emulator, close: async () => undefined })
    },
    { scope: 'worker' },
  ],
  resetDemo: [
    async ({ demo }, use) => {
      demo.emulator.control.reset()
      await pullControl(demo, 'online')
      await use()
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ context }, use) => {
      const allowed: RegExp[] = []
      const secrets: string[] = []
      const errors: string[] = []
      const texts: string[] = []
      const watch = (page: Page) => {
        page.on('console', (message) => {
          texts.push(message.text())
          if (message.type() === 'error') errors.push(describeMessage(message))
        })
        page.on('pageerror', (error) => {
          texts.push(`${error.message}\n${error.stack ?? ''}`)
          errors.push(`page error: ${error.message}`)
        })
      }
      for (const page of context.pages()) watch(page)
      context.on('page', watch)
      await use({
        allow: (pattern) => allowed.push(pattern),
        secret: (value) => secrets.push(value),
      })
      const leaks = findLeaks(texts.join('\n'), secrets)
      if (leaks.length > 0) {
        throw new Error(
          `a password appeared in the console: ${leaks.map(describeSecret).join(', ')}`,
        )
      }
      const unexpected = errors.filter((error) => !allowed.some((pattern) => pattern.test(error)))
      if (unexpected.length > 0) {
        throw new Error(`console errors on the page:\n${unexpected.join('\n')}`)
      }
    },
    { auto: true },
  ],
})
