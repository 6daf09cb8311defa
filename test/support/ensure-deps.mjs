// Installs what a fresh clone lacks before `npm test` / `npm start` run: plain Node, no dependencies,
// because it runs before node_modules exists.
//
//   node test/support/ensure-deps.mjs             node_modules (npm ci) when missing, and the React 18
//                                                 folder of the `react18` vitest project
//   node test/support/ensure-deps.mjs --chromium  and system Chromium for the Playwright tests
//
// Chromium comes from Debian's `chromium` package, never from a Playwright browser download.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_HINT, DEBIAN_CHROMIUM, findChromium, onPath } from './chromium.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('[shopper-session] node_modules is missing: running npm ci')
  execSync('npm ci --no-audit --no-fund', {
    cwd: root,
    stdio: 'inherit',
    // Belt and braces: @playwright/test has no install script today, but a browser download must
    // never happen here (the machines reach no browser CDN; the tests use system Chromium).
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  })
}

// React 18 for the `react18` vitest project, which runs the React tests again against it: a folder
// with its own package.json and lock (test/vitest.config.ts aliases React to it).
const react18 = join(root, 'test', 'react18')
if (!existsSync(join(react18, 'node_modules', '.package-lock.json'))) {
  console.log('[shopper-session] test/react18/node_modules is missing: running npm ci there')
  execSync('npm ci --prefix test/react18 --no-audit --no-fund', { cwd: root, stdio: 'inherit' })
}

if (process.argv.includes('--chromium')) ensureChromium()

function ensureChromium() {
  if (findChromium() !== undefined) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot || onPath('apt-get') === undefined) {
    const why = isRoot ? 'apt-get is not available' : 'not running as root'
    console.error(`[shopper-session] system Chromium is missing (${why}). ${CHROMIUM_HINT}`)
    process.exit(1)
  }
  console.log(
    '[shopper-session] system Chromium is missing: installing Debian chromium with apt-get',
  )
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (result.status !== 0) {
      console.error(`[shopper-session] apt-get ${args.join(' ')} failed. ${CHROMIUM_HINT}`)
      process.exit(1)
    }
  }
  if (findChromium() === undefined) {
    console.error(
      `[shopper-session] apt-get finished but ${DEBIAN_CHROMIUM} is missing. ${CHROMIUM_HINT}`,
    )
    process.exit(1)
  }
}
