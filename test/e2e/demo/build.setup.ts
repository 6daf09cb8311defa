/**
 * The `demo-build` project: builds the demo page once before the journeys (Vite, with demo's own
 * config, into test-results/demo-dist), so every worker serves the same files; and clears the
 * screenshots of an earlier run.
 */
import { rmSync } from 'node:fs'
import { test } from '@playwright/test'
import { build } from 'vite'
import { DEMO_DIST, DEMO_VITE_CONFIG, SCREENSHOT_DIR } from './dist.ts'

test('build the demo page', async () => {
  test.setTimeout(60_000)
  // This run's screenshots only.
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true })
  await build({
    configFile: DEMO_VITE_CONFIG,
    build: { outDir: DEMO_DIST, emptyOutDir: true },
    logLevel: 'error',
  })
})
