/**
 * Shared set-up of the `*.emulator.test.ts` files: the typed clients' configs pointing at an
 * in-process emulator, shopper logins through the client's own SLAS flows, and a record of which
 * operations answered 2xx, so a file can check that it called every operation of its client.
 */
import { expect } from 'vitest'
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.ts'
import {
  type AccountManagerConfig,
  getAccountManagerToken,
  loginGuestUser,
  loginRegisteredUser,
  type ScapiClientConfig,
  type SlasClientConfig,
  type TokenResponse,
} from '../../src/scapi/index.ts'
import { createTestEmulator } from '../support/emulator.ts'

/** The first site of the emulator. */
export function siteOf(emulator: Emulator): string {
  const siteId = emulator.settings.siteIds[0]
  if (siteId === undefined) throw new Error('the emulator has no site')
  return siteId
}

/** The SLAS config of the brief: the public client, in-process fetch. */
export function slasConfig(emulator: Emulator): SlasClientConfig {
  const { baseUrl, organizationId, redirectURI, clients } = emulator.settings
  return {
    baseUrl,
    organizationId,
    siteId: siteOf(emulator),
    clientId: clients.public.clientId,
    redirectURI: redirectURI,
    fetch: emulator.fetch,
  }
}

/** The Shopper Customers / Baskets config. */
export function scapiConfig(emulator: Emulator): ScapiClientConfig {
  const { baseUrl, organizationId } = emulator.settings
  return { baseUrl, organizationId, siteId: siteOf(emulator), fetch: emulator.fetch }
}

/** The Account Manager config for the emulator's AM client. */
export function amConfig(emulator: Emulator): AccountManagerConfig {
  const { clientId, secret } = emulator.settings.accountManager
  const { baseUrl } = emulator.settings
  return { baseUrl, clientId, clientSecret: secret, fetch: emulator.fetch }
}

/** An Account Manager access token with the Shopper Customers scope. */
export async function amAccessToken(emulator: Emulator): Promise<string> {
  const token = await getAccountManagerToken(amConfig(emulator), {
    scope: 'sfcc.shopper-customers.login',
  })
  return token.access_token
}

/** A seeded shopper (Ada = 0, Grace = 1). */
export function seeded(emulator: Emulator, index = 0) {
  const found = emulator.settings.shoppers[index]
  if (found === undefined) throw new Error(`the emulator has no seeded shopper ${index}`)
  return found
}

/** A guest session through `loginGuestUser`. */
export function guest(emulator: Emulator, usid?: string): Promise<TokenResponse> {
  return loginGuestUser(slasConfig(emulator), usid === undefined ? {} : { usid })
}

/** A registered session through `loginRegisteredUser` (default: Ada). */
export function registered(
  emulator: Emulator,
  options: { index?: number; username?: string; password?: string; usid?: string } = {},
): Promise<TokenResponse> {
  const shopper = seeded(emulator, options.index ?? 0)
  return loginRegisteredUser(slasConfig(emulator), {
    username: options.username ?? shopper.login,
    password: options.password ?? shopper.password,
    ...(options.usid === undefined ? {} : { usid: options.usid }),
  })
}

/** Records every emulator a file creates, to see which operations answered 2xx. */
export function operationTracker() {
  const emulators: Emulator[] = []
  return {
    /** A test emulator (the login conflict window is off: tests log in the same shopper often). */
    emulator(options: EmulatorOptions = {}): Emulator {
      const emulator = createTestEmulator({ loginConflictWindowMs: 0, ...options })
      emulators.push(emulator)
      return emulator
    },
    /** Fails unless every name in `operations` answered 2xx on some emulator of the file. */
    expectAllCalled(operations: readonly string[]): void {
      const ok = new Set(
        emulators.flatMap((e) =>
          e.control
            .requests()
            .filter((entry) => entry.status >= 200 && entry.status <= 299)
            .map((entry) => entry.operation),
        ),
      )
      expect(operations.filter((name) => !ok.has(name))).toEqual([])
    },
  }
}

/** The names of the functions a module exports (its operations). */
export function operationNames(module: Record<string, unknown>): string[] {
  return Object.entries(module)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name)
    .sort()
}
