/**
 * Server-session test helpers: configs for the emulator's public and private clients, requests
 * carrying cookies, and what a browser would send back after a response's Set-Cookie headers.
 */
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.ts'
import type { ServerSessionConfig } from '../../src/server/index.ts'
import { createTestEmulator } from '../support/emulator.ts'

/** An emulator and the server session configs for its clients, all on the emulator's clock. */
export function serverSetup(options: EmulatorOptions = {}) {
  const emulator = createTestEmulator(options)
  const { baseUrl, organizationId, siteIds, clients, redirectUri } = emulator.settings
  const base = {
    baseUrl,
    organizationId,
    siteId: siteIds[0] ?? 'RefArch',
    redirectURI: redirectUri,
    fetch: emulator.fetch,
    now: () => emulator.control.now(),
  }
  const config: ServerSessionConfig = { ...base, clientId: clients.public.clientId }
  const privateConfig: ServerSessionConfig = {
    ...base,
    clientId: clients.private.clientId,
    clientSecret: clients.private.secret ?? '',
  }
  const shopper = (index = 0) => {
    const found = emulator.settings.shoppers[index]
    if (!found) throw new Error('no seeded shopper')
    return found
  }
  return { emulator, config, privateConfig, shopper, count: (op?: string) => count(emulator, op) }
}

function count(emulator: Emulator, operation?: string): number {
  return emulator.control.requests(operation).length
}

/** A page request carrying `cookie` (or none). */
export function pageRequest(cookie?: string, path = '/'): Request {
  return new Request(`http://shop.test${path}`, cookie ? { headers: { cookie } } : {})
}

/** The Cookie header a browser sends after receiving `setCookies` (Max-Age=0 deletes). */
export function cookiesAfter(setCookies: readonly string[], before = ''): string {
  const jar = new Map<string, string>()
  for (const pair of before.split(';')) {
    const eq = pair.indexOf('=')
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
  for (const line of setCookies) {
    const [pair = ''] = line.split(';')
    const eq = pair.indexOf('=')
    if (/;\s*Max-Age=0(?:;|$)/i.test(line)) jar.delete(pair.slice(0, eq))
    else jar.set(pair.slice(0, eq), pair.slice(eq + 1))
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}
