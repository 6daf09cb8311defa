/**
 * `createShopperSession` options, checked with plain rules (the browser entry carries no zod):
 * each option's `invalid_config` message, nested paths, defaults, and what is kept.
 */
import { describe, expect, it } from 'vitest'
import { resolveSessionConfig, type ShopperSessionConfig } from '../../src/session/config.ts'
import { unsafeRawInspector } from '../../src/inspect.ts'
import { INSPECTOR_REQUIRED } from '../../src/inspect/registry.ts'
import { expectCode } from '../support/expectError.ts'

const slas: ShopperSessionConfig = {
  shortCode: 'kv7kzm78',
  organizationId: 'f_ecom_zzxy_prd',
  clientId: 'c9c45bfd-0ed3-4aa2-9971-40f88962b836',
  siteId: 'RefArch',
  redirectURI: 'http://localhost:3000/callback',
}

const noop = () => undefined
const ORIGINS =
  'trustedOrigins: must be a list of exact origins such as https://api.shop.example.com'

async function messageFor(config: unknown): Promise<string> {
  const error = await expectCode(
    Promise.resolve().then(() => resolveSessionConfig(config as ShopperSessionConfig)),
    'invalid_config',
  )
  return error.message
}

describe('resolveSessionConfig', () => {
  it('applies the defaults', () => {
    const resolved = resolveSessionConfig(slas)
    expect(resolved).toMatchObject({
      storage: undefined,
      coordination: undefined,
      storageKeyPrefix: 'shopper-session',
      leewayMs: 60_000,
      retry: { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 8 },
      transferBasket: true,
      dnt: undefined,
      waitTimeoutMs: 15_000,
      tokenOrigins: ['https://kv7kzm78.api.commercecloud.salesforce.com'],
      inspect: undefined,
    })
    expect(resolved.random).toBe(Math.random)
  })

  it('keeps what was given, a partial retry policy filled from the defaults', () => {
    const storage = { get: noop, set: noop, remove: noop }
    const observer = { next: noop }
    const inspect = unsafeRawInspector(observer)
    const resolved = resolveSessionConfig({
      ...slas,
      storage,
      storageKeyPrefix: 'my.site-1',
      leewayMs: 0,
      retry: { maxAttempts: 0 },
      transferBasket: false,
      dnt: true,
      waitTimeoutMs: 1,
      trustedOrigins: ['https://api.shop.example.com'],
      inspect,
    })
    expect(resolved).toMatchObject({
      storage,
      storageKeyPrefix: 'my.site-1',
      leewayMs: 0,
      retry: { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 0 },
      transferBasket: false,
      dnt: true,
      waitTimeoutMs: 1,
    })
    // The observer behind the inspector goes to XState (the raw one: it was made unsafe).
    expect(resolved.inspect).toBe(observer)
    expect(resolved.tokenOrigins).toEqual([
      'https://kv7kzm78.api.commercecloud.salesforce.com',
      'https://api.shop.example.com',
    ])
  })

  it.each([
    [{ storage: {} }, 'storage: must be an object with get, set, remove'],
    [
      { coordination: { lock: noop } },
      'coordination: must be an object with lock, publish, subscribe',
    ],
    [{ storageKeyPrefix: '' }, 'storageKeyPrefix: must not be empty'],
    [{ storageKeyPrefix: 'a b' }, 'storageKeyPrefix: must be letters, digits, _ . or -'],
    [{ storageKeyPrefix: 'x'.repeat(65) }, 'storageKeyPrefix: must be at most 64 characters'],
    [{ storageKeyPrefix: 1 }, 'storageKeyPrefix: must be a string'],
    [{ leewayMs: -1 }, 'leewayMs: must be at least 0'],
    [{ leewayMs: 600_001 }, 'leewayMs: must be at most 600000'],
    [{ leewayMs: 1.5 }, 'leewayMs: must be an integer'],
    [{ leewayMs: Number.NaN }, 'leewayMs: must be a finite number'],
    [{ leewayMs: null }, 'leewayMs: must be a finite number'],
    [{ retry: 5 }, 'retry: must be an object'],
    [{ retry: { baseDelayMs: 0 } }, 'retry.baseDelayMs: must be at least 1'],
    [{ retry: { maxDelayMs: 3_600_001 } }, 'retry.maxDelayMs: must be at most 3600000'],
    [{ retry: { maxAttempts: 101 } }, 'retry.maxAttempts: must be at most 100'],
    [{ retry: { maxAttempts: 101, baseDelayMs: 'x' } }, 'retry.baseDelayMs: must be a finite'],
    [{ transferBasket: 'yes' }, 'transferBasket: must be a boolean'],
    [{ dnt: 1 }, 'dnt: must be a boolean'],
    [{ logger: null }, 'logger: must be an object'],
    [{ now: 1_700_000_000_000 }, 'now: must be a function'],
    [{ random: 0.5 }, 'random: must be a function'],
    [{ waitTimeoutMs: 0 }, 'waitTimeoutMs: must be at least 1'],
    [{ waitTimeoutMs: 2 ** 31 }, 'waitTimeoutMs: must be at most 2147483647'],
    [{ trustedOrigins: 'https://a.example.com' }, ORIGINS],
    [{ trustedOrigins: ['https://*.example.com'] }, ORIGINS],
    [{ trustedOrigins: ['https://a.example.com/'] }, ORIGINS],
    [{ trustedOrigins: [1] }, ORIGINS],
    [{ inspect: 'console' }, `inspect: ${INSPECTOR_REQUIRED}`],
    // A bare observer or function could skip redaction: refused, told to wrap it.
    [{ inspect: { next: noop } }, 'inspect: must be wrapped: redactedInspector(observer)'],
    [{ inspect: noop }, `inspect: ${INSPECTOR_REQUIRED}`],
  ])('names the bad option: %j', async (patch, reason) => {
    expect(await messageFor({ ...slas, ...patch })).toContain(
      `Invalid shopper session config: ${reason}`,
    )
  })

  it('checks the SLAS fields first, under their own label', async () => {
    expect(await messageFor({ ...slas, organizationId: 'nope', leewayMs: -1 })).toBe(
      'Invalid SLAS client config: organizationId: must look like f_ecom_abcd_001',
    )
    expect(await messageFor(null)).toBe('Invalid SLAS client config: (root): must be an object')
    expect(await messageFor([])).toBe('Invalid SLAS client config: (root): must be an object')
  })

  it('reports the first bad option in declaration order', async () => {
    expect(await messageFor({ ...slas, inspect: 1, storage: 1, leewayMs: -1 })).toBe(
      'Invalid shopper session config: storage: must be an object with get, set, remove',
    )
  })
})
