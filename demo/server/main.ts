/**
 * `npm start` (after the Vite build): serves the demo storefront and prints where to open it and
 * the seeded shoppers' logins. `PORT` picks the port (default 5173; 0: a free one);
 * `NODE_ENV=production` leaves out the development endpoints (controls and reset outbox);
 * `DEMO_CROSS_ORIGIN=1` has the page call the emulator on its own origin (CORS) instead of the
 * same-origin proxy.
 *
 * @module
 */
import { fileURLToPath } from 'node:url'
import { API_PROXY_PATH, PASSWORD_RESET_PATH } from '../shared/site.ts'
import { startDemoServer } from './demoServer.ts'

const DEFAULT_PORT = 5173
const DIST = fileURLToPath(new URL('../dist', import.meta.url))

function fail(message: string): never {
  process.stderr.write(`demo: ${message}\n`)
  process.exit(1)
}

function portFromEnv(): number {
  const raw = process.env.PORT
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be 0-65535, not '${raw}'`)
  return port
}

async function main(): Promise<void> {
  const port = portFromEnv()
  const dev = process.env.NODE_ENV !== 'production'
  const crossOrigin = process.env.DEMO_CROSS_ORIGIN === '1'
  const server = await startDemoServer({ distDir: DIST, port, dev, crossOrigin }).catch(
    (error: unknown) => {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : ''
      if (code === 'EADDRINUSE') {
        fail(
          `port ${port} is in use. Stop what runs there, or pick another: PORT=5174 npm start (PORT=0 picks a free port)`,
        )
      }
      throw error
    },
  )
  const shoppers = server.emulator.settings.shoppers.map(
    (s) => `${s.login} / ${s.password} (${s.firstName} ${s.lastName})`,
  )
  const lines = [
    'shopper-session demo storefront is running',
    `  open            ${server.url}`,
    `  shoppers        ${shoppers[0] ?? '(none)'}`,
    ...shoppers.slice(1).map((line) => `                  ${line}`),
    crossOrigin
      ? `  API             ${server.apiBase} (another origin: CORS)`
      : `  API proxy       ${server.url}${API_PROXY_PATH} → emulator ${server.emulatorUrl}`,
    `  password reset  ${server.url}${PASSWORD_RESET_PATH} (mails land in the page's dev outbox)`,
    `  dev controls    ${dev ? 'on (NODE_ENV=production turns them off)' : 'off (NODE_ENV=production)'}`,
    'Press Ctrl+C to stop.',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)

  let closing = false
  const shutdown = () => {
    if (closing) return
    closing = true
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
