/** The Shopper Customers/Baskets config: defaults, origin, and errors that name the field. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getCustomer } from '../../src/scapi/index.ts'
import { resolveScapiConfig, type ScapiClientConfig } from '../../src/scapi/scapiConfig.ts'
import { expectCode } from '../support/expectError.ts'
import { json, recordingFetch } from './fakeFetch.ts'
import { ACCESS_TOKEN, CUSTOMER, CUSTOMER_ID } from './scapiFixtures.ts'

const valid: ScapiClientConfig = {
  shortCode: 'kv7kzm78',
  organizationId: 'f_ecom_zzxy_prd',
  siteId: 'RefArch',
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('resolveScapiConfig', () => {
  it('builds the production origin from the short code', () => {
    const resolved = resolveScapiConfig(valid)
    expect(resolved.baseUrl).toBe('https://kv7kzm78.api.commercecloud.salesforce.com')
    expect(resolved.headers).toEqual({})
  })

  it('takes baseUrl (with a path prefix) instead of shortCode, without a trailing slash', () => {
    const { shortCode: _shortCode, ...withoutShortCode } = valid
    const baseUrl = 'http://localhost:8787/proxy/'
    expect(resolveScapiConfig({ ...withoutShortCode, baseUrl }).baseUrl).toBe(
      'http://localhost:8787/proxy',
    )
  })

  it('refuses shortCode and baseUrl together (one would be ignored)', () => {
    expect(() => resolveScapiConfig({ ...valid, baseUrl: 'http://localhost:8787' })).toThrow(
      'shortCode: give shortCode or baseUrl, not both',
    )
  })

  it.each([
    [{ organizationId: 'zzxy_prd' }, 'organizationId: must look like f_ecom_abcd_001'],
    [{ siteId: '' }, 'siteId: must not be empty'],
    [{ siteId: 'x'.repeat(33) }, 'siteId: must be at most 32 characters'],
    [{ siteId: undefined }, 'siteId: is required'],
    [{ shortCode: undefined }, 'shortCode: is required unless baseUrl is set'],
    [{ shortCode: 'no spaces' }, 'shortCode: must be a host name label'],
    [{ baseUrl: 'http://user:pw@x.test' }, 'baseUrl: must be an http(s) URL'],
    [{ fetch: 'fetch' }, 'fetch: must be a function'],
    [{ headers: { 'x-a': 1 } }, 'headers.x-a: must be a string'],
  ])('names the bad field: %j', async (patch, fragment) => {
    const config = { ...valid, ...patch } as ScapiClientConfig
    const error = await expectCode(
      Promise.resolve().then(() => resolveScapiConfig(config)),
      'invalid_config',
    )
    expect(error.message.startsWith(`Invalid SCAPI client config: ${fragment}`)).toBe(true)
  })

  it('fails an operation with invalid_config before anything is sent', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, CUSTOMER))
    const config = { ...valid, siteId: '', fetch }
    await expectCode(
      getCustomer(config, { accessToken: ACCESS_TOKEN, customerId: CUSTOMER_ID }),
      'invalid_config',
    )
    expect(calls).toHaveLength(0)
  })

  it('reads the global fetch at call time when none is configured', async () => {
    const spy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json(200, CUSTOMER))
    const params = { accessToken: ACCESS_TOKEN, customerId: CUSTOMER_ID }
    const customer = await getCustomer(valid, params)
    expect(customer.customerId).toBe(CUSTOMER_ID)
    const api = 'https://kv7kzm78.api.commercecloud.salesforce.com/customer/shopper-customers/v1'
    expect(String(spy.mock.calls[0]?.[0])).toBe(
      `${api}/organizations/f_ecom_zzxy_prd/customers/${CUSTOMER_ID}?siteId=RefArch`,
    )
  })
})
