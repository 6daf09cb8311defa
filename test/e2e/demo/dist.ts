/**
 * Where the demo journeys keep the built page: one Vite build per run (build.setup.ts), served by
 * every worker's demo server. Under test-results/ (git-ignored), apart from demo/dist, which
 * `npm start` builds: a running demo and a test run never overwrite each other.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built page's folder. */
export const DEMO_DIST = fileURLToPath(new URL('../../../test-results/demo-dist', import.meta.url))

/** The demo's Vite config (`npm start` builds with it too). */
export const DEMO_VITE_CONFIG = fileURLToPath(
  new URL('../../../demo/vite.config.ts', import.meta.url),
)

/** Screenshots of the key screens (git-ignored with test-results/). */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../../test-results/demo-screenshots', import.meta.url),
)

/** Throws when the page was not built (the `demo-build` project did not run). */
export function assertBuilt(): void {
  if (!existsSync(`${DEMO_DIST}/index.html`)) {
    throw new Error(
      `The demo page is not built in ${DEMO_DIST}: run the demo project with its dependencies ` +
        '(do not pass --no-deps).',
    )
  }
}
