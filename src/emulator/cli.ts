#!/usr/bin/env node
/**
 * `shopper-session-emulator [--port 8787] [--host H]` (the package `bin`, built to
 * dist/emulator/cli.js; `npm run emulator --` in this repository): serves the emulator and prints
 * how to talk to it (base URL, organization, site, clients, redirect URI, seeded shoppers). Never
 * prints a token. `--port 0` picks a free port; the printed base URL carries the real one.
 *
 * @module
 */
import { parseArgs } from 'node:util'
import { createEmulator } from './index.ts'
import { serveEmulator } from './node.ts'

const DEFAULT_PORT = 8787

function fail(message: string): never {
  process.stderr.write(
    `emulator: ${message}\nusage: shopper-session-emulator [--port N] [--host H]\n`,
  )
  process.exit(2)
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string }
  try {
    ;({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } }))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  const port = Number(values.port ?? DEFAULT_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad --port '${values.port}'`)

  const emulator = createEmulator()
  const server = await serveEmulator(emulator, {
    port,
    ...(values.host ? { host: values.host } : {}),
  })
  const { settings } = emulator
  const [first, ...rest] = settings.shoppers.map(
    (s) => `${s.login} / ${s.password} (${s.firstName} ${s.lastName})`,
  )
  const org = `organizations/${settings.organizationId}`
  const { accountManager } = settings
  const lines = [
    'shopper-session emulator (SLAS, Shopper Customers, Shopper Baskets) is running',
    `  base URL        ${server.url}`,
    `  organizationId  ${settings.organizationId}`,
    `  shortCode       ${settings.shortCode}`,
    `  siteId          ${settings.siteIds.join(', ')}`,
    `  public client   ${settings.clients.public.clientId}`,
    `  private client  ${settings.clients.private.clientId}`,
    `  private secret  ${settings.clients.private.secret ?? ''} (development secret)`,
    `  AM client       ${accountManager.clientId} / ${accountManager.secret} (development secret)`,
    `  redirect URI    ${server.url}/callback`,
    `  shoppers        ${first ?? '(none)'}`,
    ...rest.map((line) => `                  ${line}`),
    `  SLAS            ${server.url}/shopper/auth/v1/${org}/oauth2/…`,
    `  Customers       ${server.url}/customer/shopper-customers/v1/${org}/…`,
    `  Baskets         ${server.url}/checkout/shopper-baskets/v1/${org}/…`,
    `  Account Manager ${server.url}/dwsso/oauth2/access_token`,
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

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
