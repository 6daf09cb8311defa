/**
 * Password reset test helpers: a service on the in-process emulator (its clock, its Account
 * Manager client), a delivery recorder in place of e-mail, a handler and requests to it.
 */
import { onTestFinished } from 'vitest'
import type { EmulatorOptions } from '../../../src/emulator/index.ts'
import {
  createPasswordResetHandler,
  createPasswordResetService,
  CSRF_HEADER,
  type PasswordResetDelivery,
  type PasswordResetHandlerOptions,
  type PasswordResetServiceOptions,
} from '../../../src/server/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import { registerSecret } from '../../support/secrets.ts'

/** Service options the test may override (the SCAPI location always comes from the emulator). */
export type ServiceOverrides = Partial<Omit<PasswordResetServiceOptions, 'accountManager'>> & {
  accountManager?: Partial<PasswordResetServiceOptions['accountManager']>
}

/** An emulator, a service on it and what the service delivered. */
export function resetSetup(
  overrides: ServiceOverrides = {},
  emulatorOptions: EmulatorOptions = {},
) {
  const emulator = createTestEmulator(emulatorOptions)
  const { baseUrl, organizationId, siteIds, accountManager } = emulator.settings
  const deliveries: PasswordResetDelivery[] = []
  const { accountManager: am, ...rest } = overrides
  const options: PasswordResetServiceOptions = {
    baseUrl,
    organizationId,
    siteId: siteIds[0] ?? 'RefArch',
    fetch: emulator.fetch,
    now: () => emulator.control.now(),
    accountManager: {
      clientId: accountManager.clientId,
      clientSecret: accountManager.secret,
      baseUrl,
      ...am,
    },
    deliverToken: (delivery) => {
      deliveries.push(delivery)
    },
    ...rest,
  }
  const service = createPasswordResetService(options)
  const shopper = (index = 0) => {
    const found = emulator.settings.shoppers[index]
    if (!found) throw new Error('no seeded shopper')
    return found
  }
  const count = (operation?: string) => emulator.control.requests(operation).length
  /** The token of the newest delivery (fails the test when nothing was delivered). */
  const lastToken = () => {
    const token = deliveries.at(-1)?.token
    if (token === undefined) throw new Error('nothing was delivered')
    return token
  }
  return { emulator, service, options, deliveries, shopper, count, lastToken }
}

/** A handler on a fresh setup, plus the setup. */
export function handlerSetup(
  handlerOptions: PasswordResetHandlerOptions = {},
  overrides: ServiceOverrides = {},
  emulatorOptions: EmulatorOptions = {},
) {
  const setup = resetSetup(overrides, emulatorOptions)
  const lines: string[] = []
  const logger = {
    warn: (message: string, data?: unknown) => lines.push(`${message} ${JSON.stringify(data)}`),
    error: (message: string, data?: unknown) => lines.push(`${message} ${JSON.stringify(data)}`),
  }
  const handler = createPasswordResetHandler(setup.service, { logger, ...handlerOptions })
  return { ...setup, handler, lines }
}

/** The endpoint's URL in tests (the shop's own origin is `https://shop.test`). */
export const ENDPOINT = 'https://shop.test/api/password-reset'

/** A call as the storefront's own page makes it; `init.headers` add to or replace its headers. */
export function call(
  body: unknown,
  init: { headers?: Record<string, string>; method?: string } = {},
) {
  return new Request(ENDPOINT, {
    method: init.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      [CSRF_HEADER]: '1',
      origin: 'https://shop.test',
      ...init.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** A password a test chose, registered with the secret guard for the rest of the test. */
export function testPassword(value: string): string {
  const unregister = registerSecret(value)
  onTestFinished(() => {
    unregister()
  })
  return value
}

/** Everything a Response shows a browser: status, headers and body text. */
export async function visible(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
  return `${response.status}\n${headers}\n${await response.text()}`
}
