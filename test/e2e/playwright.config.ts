/**
 * Playwright: the browser tests in system Chromium (Debian's `chromium`; `npm test` installs it
 * with apt when missing). Never a Playwright browser download: the launch always names the
 * executable, and nothing here calls `playwright install`.
 *
 * Each worker starts its own test server and emulator on a free `localhost` port (fixtures.ts),
 * so there is no shared webServer to wait for and no port to agree on.
 *
 * Projects: `e2e` (the library's pages) and `demo` (journeys of the demo storefront, demo/),
 * which needs `demo-build` first: one Vite build of the page that every demo worker serves.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_HINT, findChromium } from '../support/chromium.mjs'

const DEMO_DIR = fileURLToPath(new URL('demo', import.meta.url))

const executablePath = findChromium()
if (executablePath === undefined) {
  throw new Error(`System Chromium is missing. ${CHROMIUM_HINT}`)
}

export default defineConfig({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: '**/*.spec.ts',
  outputDir: fileURLToPath(new URL('../../test-results/e2e', import.meta.url)),
  fullyParallel: false,
  // Two cores on the reference machine: one Chromium per worker is plenty.
  workers: 2,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  timeout: 30_000,
  reporter: 'line',
  projects: [
    { name: 'e2e', testIgnore: '**/demo/**' },
    { name: 'demo-build', testDir: DEMO_DIR, testMatch: 'build.setup.ts' },
    { name: 'demo', testDir: DEMO_DIR, dependencies: ['demo-build'] },
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    // Artifacts would hold tokens (network bodies, storage): none are kept.
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    launchOptions: {
      executablePath,
      // Playwright gives every launch a new empty profile directory (its user-data-dir).
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
