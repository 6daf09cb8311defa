/**
 * Global setup of the `react18` vitest project: installs test/react18 (`npm ci --prefix
 * test/react18`, through ensure-deps.mjs) when a run reaches this project before `npm test` did.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Runs ensure-deps.mjs: nothing to do (a few file checks) once everything is installed. */
export default function setup(): void {
  const script = fileURLToPath(new URL('../support/ensure-deps.mjs', import.meta.url))
  execFileSync(process.execPath, [script], { stdio: 'inherit' })
}
