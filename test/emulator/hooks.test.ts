import { describe, expect, it } from 'vitest'
import {
  createEmulator,
  type Emulator,
  type EmulatorHooks,
  type HookContext,
  type HookResult,
} from '../../src/emulator/index.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { basketOf, call, createBasket, expectProblem, quantities, TYPE } from './baskets/helpers.ts'
import {
  basic,
  expectSlasError,
  FIXED_CLOCK,
  fromLocation,
  loginGuest,
  loginRegistered,
  pkce,
  post,
} from './helpers.ts'

function problem(status: number, slug: string, detail: string): Response {
  return Response.json(
    { type: `${TYPE}${slug}`, title: 'Rejected', detail },
    { status, headers: { 'content-type': 'application/problem+json' } },
  )
}

describe('server hooks: before', () => {
  it('vetoes a SLAS login without c_terms (form readable); the vetoed login did not happen', async () => {
    const seen: HookContext[] = []
    const emulator = createTestEmulator({
      ...FIXED_CLOCK,
      hooks: {
        authenticateCustomer: {
          before(ctx) {
            seen.push(ctx)
            if (ctx.form?.get('c_terms') !== 'accepted')
              return problem(400, 'terms', 'Accept the terms.')
            return undefined
          },
        },
      },
    })
    const shopper = emulator.settings.shoppers[0]!
    const login = async (extra: Record<string, string>) =>
      post(
        emulator,
        '/login',
        {
          client_id: emulator.settings.clients.public.clientId,
          channel_id: 'RefArch',
          code_challenge: (await pkce()).challenge,
          redirect_uri: emulator.settings.redirectURI,
          ...extra,
        },
        { authorization: basic(shopper.login, shopper.password) },
      )
    const vetoed = await login({})
    expect(vetoed.status).toBe(400)
    expect(await vetoed.json()).toMatchObject({ detail: 'Accept the terms.' })
    expect(seen[0]).toMatchObject({
      operation: 'authenticateCustomer',
      method: 'POST',
      customer: undefined,
    })
    expect(seen[0]?.form?.get('channel_id')).toBe('RefArch')
    // Same instant: had the vetoed login run, this one would be a 409 (twice within 1 s).
    expect(fromLocation(await login({ c_terms: 'accepted' })).code).not.toBe('')
  })

  it('vetoes createBasket reading the JSON body and the verified customer; no basket is made', async () => {
    const customers: unknown[] = []
    const emulator = createTestEmulator({
      hooks: {
        createBasket: {
          before(ctx) {
            customers.push(ctx.customer)
            const body = ctx.body as { c_channel?: string } | undefined
            if (body?.c_channel !== 'web') return problem(400, 'channel', 'Only the web channel.')
            return undefined
          },
        },
      },
    })
    const guest = await loginGuest(emulator)
    const vetoed = await call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} })
    expect(vetoed.status).toBe(400)
    expect(await vetoed.json()).toMatchObject({ detail: 'Only the web channel.' })
    expect(customers[0]).toEqual({
      customerId: guest.customer_id,
      kind: 'guest',
      usid: guest.usid,
      guestCustomerId: guest.customer_id,
      login: undefined,
    })
    // No basket was created: no quota hit.
    const made = await createBasket(emulator, guest.access_token, { c_channel: 'web' })
    expect(made.c_channel).toBe('web')
  })

  it('vetoes a registration whose customer lacks c_terms; after observes the accepted one', async () => {
    const welcomed: unknown[] = []
    const emulator = createTestEmulator({
      hooks: {
        registerCustomer: {
          before(ctx) {
            const customer = (ctx.body as { customer?: { c_terms?: unknown } } | undefined)
              ?.customer
            if (customer?.c_terms !== true) {
              return problem(400, 'terms-not-accepted', 'The terms must be accepted.')
            }
            return undefined
          },
          // "Send the welcome email": the registration is done when this runs.
          after: (_ctx, result) => void welcomed.push((result.body as { login?: string }).login),
        },
      },
    })
    const guest = await loginGuest(emulator)
    const { baseUrl, organizationId } = emulator.settings
    const password = 'Hooks-Test-Password-1!'
    const register = (customer: Record<string, unknown>) =>
      emulator.handle(
        new Request(
          `${baseUrl}/customer/shopper-customers/v1/organizations/${organizationId}/customers?siteId=RefArch`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${guest.access_token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              customer: {
                login: 'new@example.com',
                email: 'new@example.com',
                lastName: 'New',
                ...customer,
              },
              password,
            }),
          },
        ),
      )
    const vetoed = await register({ c_terms: false })
    expect(vetoed.status).toBe(400)
    expect(vetoed.headers.get('content-type')).toBe('application/problem+json')
    expect(await vetoed.json()).toMatchObject({ type: `${TYPE}terms-not-accepted` })
    expect(welcomed).toEqual([])
    // The vetoed call registered nothing: the login can be registered now, then used.
    const accepted = await register({ c_terms: true })
    expect(accepted.status).toBe(200)
    expect(welcomed).toEqual(['new@example.com'])
    await loginRegistered(emulator, { login: 'new@example.com', password })
  })
})

describe('server hooks: after and modifyResponse', () => {
  it('modifyResponse enriches getBasket (2xx JSON only); errors pass through untouched', async () => {
    const emulator = createTestEmulator({
      hooks: {
        getBasket: {
          modifyResponse: (ctx, body) => ({
            ...(body as object),
            c_loyaltyTier: ctx.customer?.kind === 'registered' ? 'gold' : 'none',
          }),
        },
      },
    })
    const guest = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    const read = await call(emulator, 'GET', `/baskets/${basketId}`, { token: guest.access_token })
    expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await basketOf(read)).toMatchObject({ basketId, c_loyaltyTier: 'none' })
    await expectProblem(
      await call(emulator, 'GET', '/baskets/unknown', { token: guest.access_token }),
      404,
      'basket-not-found',
    )
  })

  it('after sees the state change (result body and a fresh read) and only on success', async () => {
    const calls: { result: HookResult; readBack: unknown }[] = []
    let emulator: Emulator | undefined
    emulator = createTestEmulator({
      hooks: {
        addItemToBasket: {
          async after(ctx, result) {
            const token = ctx.headers.get('authorization')?.slice('Bearer '.length) ?? ''
            const basketId = ctx.params.basketId ?? ''
            const read = await call(emulator as Emulator, 'GET', `/baskets/${basketId}`, { token })
            calls.push({ result, readBack: await read.json() })
          },
        },
      },
    })
    const guest = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    const body = [{ productId: 'sku', quantity: 2 }]
    await basketOf(
      await call(emulator, 'POST', `/baskets/${basketId}/items`, {
        token: guest.access_token,
        body,
      }),
    )
    expect(calls).toHaveLength(1)
    expect(calls[0]?.result.status).toBe(200)
    expect(quantities(calls[0]?.result.body as never)).toEqual({ sku: 2 })
    expect(quantities(calls[0]?.readBack as never)).toEqual({ sku: 2 })
    // A refused call (bad quantity) runs no after hook.
    await call(emulator, 'POST', `/baskets/${basketId}/items`, {
      token: guest.access_token,
      body: [{ productId: 'sku', quantity: 0 }],
    })
    expect(calls).toHaveLength(1)
  })

  it('after runs on SLAS token calls too (observe a login)', async () => {
    const logins: unknown[] = []
    const emulator = createTestEmulator({
      hooks: {
        getAccessToken: {
          after: (_ctx, result) => void logins.push((result.body as { usid: string }).usid),
        },
      },
    })
    const guest = await loginGuest(emulator)
    expect(logins).toEqual([guest.usid])
  })
})

describe('server hooks: errors', () => {
  it('a rejecting before on a SLAS operation → the SLAS 500 body', async () => {
    const hooks: EmulatorHooks = {
      createBasket: {
        before: () => {
          throw new Error('boom')
        },
      },
      getAccessToken: { before: () => Promise.reject(new Error('boom')) },
    }
    const emulator = createTestEmulator({ hooks })
    const answer = await emulator.handle(
      new Request(
        `${emulator.settings.baseUrl}/shopper/auth/v1/organizations/${emulator.settings.organizationId}/oauth2/token`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&channel_id=RefArch',
        },
      ),
    )
    await expectSlasError(answer, 500, { error: 'server_error' })
  })

  it('throwing before on createBasket leaves no basket; throwing after / modifyResponse → 500', async () => {
    let mode: 'before' | 'after' | 'modify' | 'none' = 'before'
    const emulator = createTestEmulator({
      hooks: {
        createBasket: {
          before: () => {
            if (mode === 'before') throw new Error('boom')
          },
          after: () => {
            if (mode === 'after') throw new Error('boom')
          },
          modifyResponse: () => {
            if (mode === 'modify') throw new Error('boom')
            return undefined
          },
        },
      },
    })
    const guest = await loginGuest(emulator)
    const create = () => call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} })
    await expectProblem(await create(), 500, 'internal-server-error')
    mode = 'none'
    const { basketId } = await basketOf(await create())
    await call(emulator, 'DELETE', `/baskets/${basketId}`, { token: guest.access_token })
    for (const failing of ['after', 'modify'] as const) {
      mode = failing
      await expectProblem(await create(), 500, 'internal-server-error')
      // The change itself was made (documented): the basket exists; clean up for the next round.
      mode = 'none'
      const quota = await expectProblem(await create(), 400, 'customer-baskets-quota-exceeded')
      await call(emulator, 'DELETE', `/baskets/${String(quota.basketIds)}`, {
        token: guest.access_token,
      })
    }
  })

  it('a before hook answering something other than a Response → 500', async () => {
    const emulator = createTestEmulator({
      hooks: { getBasket: { before: (() => ({ status: 400 })) as never } },
    })
    const guest = await loginGuest(emulator)
    await expectProblem(
      await call(emulator, 'GET', '/baskets/x', { token: guest.access_token }),
      500,
      'internal-server-error',
    )
  })

  it('unknown operations, unknown hook names and non-functions throw at createEmulator', () => {
    expect(() => createEmulator({ hooks: { getBaskets: {} } })).toThrow(TypeError)
    expect(() =>
      createEmulator({ hooks: { getBasket: { afterr: () => undefined } as never } }),
    ).toThrow(TypeError)
    expect(() => createEmulator({ hooks: { getBasket: { before: 'x' } as never } })).toThrow(
      TypeError,
    )
    expect(() => createEmulator({ hooks: { getBasket: null as never } })).toThrow(TypeError)
  })

  it('a before-phase fault answers before the hooks run', async () => {
    let ran = 0
    const emulator = createTestEmulator({ hooks: { getBasket: { before: () => void (ran += 1) } } })
    const guest = await loginGuest(emulator)
    emulator.control.failNext('getBasket', { status: 503 })
    expect((await call(emulator, 'GET', '/baskets/x', { token: guest.access_token })).status).toBe(
      503,
    )
    expect(ran).toBe(0)
  })
})
