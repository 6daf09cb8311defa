import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveSlasConfig, type SlasClientConfig } from '../../src/scapi/config.ts'
import { registerSecret } from '../support/secrets.ts'
import { expectCode } from '../support/expectError.ts'

const valid: SlasClientConfig = {
  shortCode: 'kv7kzm78',
  organizationId: 'f_ecom_zzxy_prd',
  clientId: 'c9c45bfd-0ed3-4aa2-9971-40f88962b836',
  siteId: 'RefArch',
  redirectURI: 'http://localhost:3000/callback',
}

async function expectConfigError(config: unknown, fragment: string) {
  const error = await expectCode(
    Promise.resolve().then(() => resolveSlasConfig(config as SlasClientConfig)),
    'invalid_config',
  )
  expect(error.message).toContain(fragment)
  return error
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('resolveSlasConfig', () => {
  it('builds the production origin from the short code and applies defaults', () => {
    const resolved = resolveSlasConfig(valid)
    expect(resolved.baseUrl).toBe('https://kv7kzm78.api.commercecloud.salesforce.com')
    expect(resolved.redirect).toBe('manual')
    expect(resolved.strictClientAuth).toBe(false)
    expect(resolved.headers).toEqual({})
  })

  it('lets baseUrl override the origin, without a trailing slash', () => {
    const resolved = resolveSlasConfig({
      ...valid,
      shortCode: undefined,
      baseUrl: 'http://localhost:8787/',
    })
    expect(resolved.baseUrl).toBe('http://localhost:8787')
  })

  it('follows redirects by default when running in a browser', () => {
    vi.stubGlobal('document', {})
    expect(resolveSlasConfig(valid).redirect).toBe('follow')
    expect(resolveSlasConfig({ ...valid, redirect: 'manual' }).redirect).toBe('manual')
  })

  it('reads the global fetch at call time', async () => {
    const resolved = resolveSlasConfig(valid)
    const spy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('late'))
    await expect((await resolved.fetch('http://x.test/')).text()).resolves.toBe('late')
    expect(spy).toHaveBeenCalledOnce()
  })

  it.each([
    [{ organizationId: 'zzxy_prd' }, 'organizationId: must look like f_ecom_abcd_001'],
    [{ organizationId: 'f_ecom_zzxy_prod' }, 'organizationId: must look like f_ecom_abcd_001'],
    [{ organizationId: undefined }, 'organizationId: is required'],
    [{ clientId: undefined }, 'clientId: is required'],
    [{ clientId: '' }, 'clientId: must not be empty'],
    [{ clientId: 'x'.repeat(41) }, 'clientId: must be at most 40 characters'],
    [{ siteId: 'x'.repeat(101) }, 'siteId: must be at most 100 characters'],
    [{ siteId: 42 }, 'siteId: must be a string'],
    [{ redirectURI: 'not a uri' }, 'redirectURI: must be an absolute URI'],
    [{ redirectURI: `https://x.test/${'a'.repeat(256)}` }, 'redirectURI: must be at most 256'],
    [{ shortCode: 'no spaces' }, 'shortCode: must be a host name label'],
    [{ shortCode: undefined }, 'shortCode: is required unless baseUrl is set'],
    [{ baseUrl: 'http://localhost:8787' }, 'shortCode: give shortCode or baseUrl, not both'],
    [{ baseUrl: 'ftp://x.test' }, 'baseUrl: must be an http(s) URL'],
    [{ baseUrl: 'http://x.test/?a=1' }, 'baseUrl: must be an http(s) URL'],
    [{ fetch: 'fetch' }, 'fetch: must be a function'],
    [{ redirect: 'auto' }, 'redirect: must be one of "manual", "follow"'],
    [{ strictClientAuth: true }, 'strictClientAuth: needs clientSecret'],
    [{ strictClientAuth: 'yes' }, 'strictClientAuth: must be a boolean'],
    [{ headers: { 'x-a': 1 } }, 'headers.x-a: must be a string'],
  ])('names the bad field: %j', async (patch, fragment) => {
    await expectConfigError({ ...valid, ...patch }, fragment)
  })

  it('rejects a non-object', async () => {
    await expectConfigError(null, '(root): must be an object')
  })

  it('never echoes a bad client secret', async () => {
    const secret = 'secret-with-newline-8xQ\n'
    const unregister = registerSecret(secret.trim())
    const error = await expectConfigError({ ...valid, clientSecret: secret }, 'clientSecret:')
    expect(error.message).not.toContain(secret.trim())
    unregister()
  })
})
