/**
 * Server-session test helpers: configs for the emulator's public and private clients (with cookie
 * secrets), requests carrying cookies, what a browser would send back after a response's
 * Set-Cookie headers, and reading a sealed session cookie.
 */
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.ts'
import type { ServerSessionConfig } from '../../src/server/index.ts'
import { serverCookieName } from '../../adapters/storage/serverCookie.ts'
import { cookieSealer } from '../../src/server/cookieSeal.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { registerSecret } from '../support/secrets.ts'

/** The cookie secret the test configs seal with (a secret: the guard fails a test printing it). */
export const COOKIE_SECRET = 'test-cookie-secret:8f3c1a9e4b7d2f60a5c8e1b3d9f7a2c4'
/** A second secret, for rotation and unknown-secret tests. */
export const OTHER_COOKIE_SECRET = 'test-cookie-secret:1d6b9e2a7c4f8b03e5a1d7c9b2f6e4a8'
registerSecret(COOKIE_SECRET)
registerSecret(OTHER_COOKIE_SECRET)
/** The secrets arrays (one object each, as an app's config would hold them). */
export const SECRETS = [COOKIE_SECRET] as const

/** An emulator and the server session configs for its clients, all on the emulator's clock. */
export function serverSetup(options: EmulatorOptions = {}) {
  const emulator = createTestEmulator(options)
  const { baseUrl, organizationId, siteIds, clients, redirectURI } = emulator.settings
  const base = {
    baseUrl,
    organizationId,
    siteId: siteIds[0] ?? 'RefArch',
    redirectURI: redirectURI,
    fetch: emulator.fetch,
    now: () => emulator.control.now(),
    cookieSecrets: SECRETS,
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

/** The storage key of `config`'s session. */
export function sessionKey(config: ServerSessionConfig): string {
  const prefix = config.storageKeyPrefix ?? 'shopper-session'
  return [prefix, config.organizationId, config.siteId, config.clientId].join(':')
}

/** The cookie name of `config`'s session. */
export function sessionCookieName(config: ServerSessionConfig): string {
  return serverCookieName(sessionKey(config))
}

/**
 * The session record sealed in a browser's Cookie header (`cookie`), opened with `secrets`, as
 * parsed JSON; undefined when there is none. Chunks are joined as the storage joins them.
 */
export async function openedRecord(
  config: ServerSessionConfig,
  cookie: string,
  secrets: readonly string[] = SECRETS,
): Promise<Record<string, unknown> | undefined> {
  const sealed = sealedValue(config, cookie)
  if (sealed === undefined) return undefined
  const { value } = await cookieSealer(secrets).open(sessionKey(config), sealed)
  return JSON.parse(value) as Record<string, unknown>
}

/** The sealed session value in a Cookie header (chunks joined), or undefined. */
export function sealedValue(config: ServerSessionConfig, cookie: string): string | undefined {
  const name = sessionCookieName(config)
  const jar = new Map<string, string>()
  for (const pair of cookie.split(';')) {
    const eq = pair.indexOf('=')
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
  const single = jar.get(name)
  if (single !== undefined) return decodeURIComponent(single)
  const parts: string[] = []
  for (let index = 0; jar.has(`${name}.${index}`); index++) {
    parts.push(jar.get(`${name}.${index}`) ?? '')
  }
  return parts.length > 0 ? decodeURIComponent(parts.join('')) : undefined
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
