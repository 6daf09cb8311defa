// Where system Chromium is: Debian's /usr/bin/chromium, else a `chromium` on PATH. Shared by
// ensure-deps.mjs (installs it when missing) and test/e2e/playwright.config.ts (launches it).
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Debian's path for the `chromium` package. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

function executable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first executable `name` on PATH, or undefined. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && executable(join(dir, name))) return join(dir, name)
  }
  return undefined
}

/** The Chromium executable to launch, or undefined when there is none. */
export function findChromium() {
  return executable(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : onPath('chromium')
}

/** What to tell someone whose machine has no Chromium. */
export const CHROMIUM_HINT =
  'Install it with: apt-get update && apt-get install -y chromium (as root). ' +
  'The Playwright tests use system Chromium and never download a browser.'
