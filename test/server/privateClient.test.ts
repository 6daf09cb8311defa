/**
 * Private-client flows on the server, against the emulator's private client (scope includes
 * `sfcc.ts_ext_on_behalf_of`): the client-credentials guest and trusted system on behalf.
 */
import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../../adapters/storage/memory.ts'
import { decodeJwtClaims } from '../../src/scapi/jwtClaims.ts'
import {
  createOnBehalfSession,
  createServerSession,
  getClientCredentialsToken,
  withShopperSession,
} from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import { cookiesAfter, pageRequest, serverSetup } from './helpers.ts'

describe('private client', () => {
  it('getClientCredentialsToken: a guest token from the client_credentials grant', async () => {
    const { privateConfig, count } = serverSetup()
    const tokens = await getClientCredentialsToken(privateConfig)
    expect(decodeJwtClaims(tokens.access_token).customerType).toBe('guest')
    expect(count('getAccessToken')).toBe(1)
    expect(count('authorizeCustomer')).toBe(0)
    const again = await getClientCredentialsToken(privateConfig, { usid: tokens.usid })
    expect(again.usid).toBe(tokens.usid)
  })

  it('getClientCredentialsToken without a secret: invalid_config, nothing sent', async () => {
    const { config, count } = serverSetup()
    await expectCode(getClientCredentialsToken(config), 'invalid_config')
    expect(count()).toBe(0)
  })

  it('a private-client server session starts its guest with client_credentials', async () => {
    const { privateConfig, count } = serverSetup()
    const handle = withShopperSession(privateConfig, async (_request, session) => {
      await session.getAccessToken()
      return new Response(session.getTokens()?.customerType)
    })
    const first = await handle(pageRequest())
    expect(await first.text()).toBe('guest')
    expect(count('authorizeCustomer')).toBe(0)
    expect(count('getAccessToken')).toBe(1)
    const before = count()
    const second = await handle(pageRequest(cookiesAfter(first.headers.getSetCookie())))
    expect(await second.text()).toBe('guest')
    expect(count()).toBe(before)
  })
})

describe('trusted system on behalf', () => {
  it('createOnBehalfSession: registered as the login; a stored one is reused', async () => {
    const { privateConfig, shopper, count } = serverSetup()
    const ada = shopper()
    const storage = createMemoryStorage()
    const session = await createOnBehalfSession(privateConfig, { loginId: ada.login, storage })
    const tokens = session.getTokens()
    session.stop()
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(tokens?.customerId).toBe(ada.customerId)
    expect(tokens?.loginId).toBe(ada.login)
    expect(count('getTrustedSystemAccessToken')).toBe(1)
    expect(decodeJwtClaims(tokens?.accessToken ?? '').isb.tsob).toBe('ts_ext_on_behalf_of')

    const before = count()
    const again = await createOnBehalfSession(privateConfig, {
      loginId: ada.login.toUpperCase(),
      storage,
    })
    again.stop()
    expect(count()).toBe(before)
    expect(again.getTokens()?.accessToken === tokens?.accessToken).toBe(true)
  })

  it('on behalf through cookies: the Set-Cookie restores it next time', async () => {
    const { privateConfig, shopper, count } = serverSetup()
    const ada = shopper()
    const options = { loginId: ada.login, cookies: null }
    const session = await createOnBehalfSession(privateConfig, options)
    session.stop()
    const cookie = cookiesAfter(session.setCookieHeaders())
    const before = count()
    const next = createServerSession(privateConfig, { cookies: cookie })
    await next.ready()
    next.stop()
    expect(count()).toBe(before)
    expect(next.getSnapshot().hasTag('registered')).toBe(true)
    expect(next.getTokens()?.customerId).toBe(ada.customerId)
  })

  it('loginOnBehalf keeps the guest usid; another shopper logged in is a conflict', async () => {
    const { privateConfig, shopper } = serverSetup()
    const storage = createMemoryStorage()
    const guest = createServerSession(privateConfig, { storage })
    await guest.ready()
    const usid = guest.getTokens()?.usid
    await guest.loginOnBehalf(shopper(0).login)
    guest.stop()
    expect(guest.getTokens()?.usid === usid).toBe(true)
    await expectCode(
      createOnBehalfSession(privateConfig, { loginId: shopper(1).login, storage }),
      'conflict',
    )
  })

  it('loginOnBehalf refuses "guest" and empty logins before any request (bad_request)', async () => {
    const { privateConfig, count } = serverSetup()
    const session = createServerSession(privateConfig, { storage: createMemoryStorage() })
    await session.ready()
    for (const loginId of ['guest', 'Guest', '', '  ']) {
      await expectCode(session.loginOnBehalf(loginId), 'bad_request')
    }
    expect(count('getTrustedSystemAccessToken')).toBe(0)
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    session.stop()
  })

  it('a public client cannot: invalid_config, no trusted-system request', async () => {
    const { config, shopper, count } = serverSetup()
    await expectCode(
      createOnBehalfSession(config, { loginId: shopper().login, cookies: null }),
      'invalid_config',
    )
    expect(count('getTrustedSystemAccessToken')).toBe(0)
  })
})
