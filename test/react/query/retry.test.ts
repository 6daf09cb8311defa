/**
 * The query layer's retry rule, counted at the emulator: a 401 is the session's (its one refresh
 * and retry), never retried again by TanStack Query; a transient failure is retried at most
 * MAX_RETRIES times; a write is never repeated.
 */
import { MutationObserver } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { createShopperQueries, MAX_RETRIES, retryTransient } from '../../../src/reactQuery.ts'
import { ShopperSessionError } from '../../../src/errors.ts'
import { expectCode } from '../../support/expectError.ts'
import { count } from '../support.tsx'
import { querySetup } from './support.tsx'

/** Ada's session and her factories. */
async function adaWithFaults() {
  const setup = querySetup()
  const { session, ada } = setup
  await session.login({ username: ada.login, password: ada.password })
  return { ...setup, queries: createShopperQueries(setup.customers, session) }
}

describe('retry', () => {
  it('a 401 is handled by the session and not retried by the query layer', async () => {
    const { emulator, client, queries } = await adaWithFaults()
    const refreshes = count(emulator, 'getAccessToken')
    emulator.control.failNext('getCustomer', { status: 401, count: 10 })
    await expectCode(client.fetchQuery(queries.profile()), 'invalid_token')
    // The session's own handling: one refresh, one retry (a query-layer retry would double it).
    expect(count(emulator, 'getAccessToken')).toBe(refreshes + 1)
    expect(count(emulator, 'getCustomer')).toBe(2)
    expect(client.getQueryState(queries.profile().queryKey)?.fetchFailureCount).toBe(1)
  })

  it('a transient failure is retried, at most MAX_RETRIES times', async () => {
    const { emulator, client, queries } = await adaWithFaults()
    emulator.control.failNext('getCustomerProductLists', { status: 500, count: 1 + MAX_RETRIES })
    await expectCode(client.fetchQuery(queries.productLists()), 'server_error')
    expect(count(emulator, 'getCustomerProductLists')).toBe(1 + MAX_RETRIES)

    // One failure, then the answer: the retry brings it.
    emulator.control.failNext('getCustomerProductLists', { status: 503 })
    await expect(client.fetchQuery(queries.productLists())).resolves.toMatchObject({ total: 0 })
  })

  it('a write is sent once, even on a transient failure', async () => {
    const { emulator, client, queries } = await adaWithFaults()
    emulator.control.failNext('createCustomerProductList', { status: 500, count: 10 })
    const create = new MutationObserver(client, queries.createProductList())
    await expectCode(create.mutate({ body: { type: 'wish_list' } }), 'server_error')
    expect(count(emulator, 'createCustomerProductList')).toBe(1)
  })

  it('retryTransient: network, timeout and server errors only', () => {
    const error = (
      code: 'network' | 'timeout' | 'server_error' | 'invalid_token' | 'rate_limited',
    ) => new ShopperSessionError(code, 'test')
    expect(retryTransient(0, error('network'))).toBe(true)
    expect(retryTransient(1, error('timeout'))).toBe(true)
    expect(retryTransient(MAX_RETRIES, error('server_error'))).toBe(false)
    expect(retryTransient(0, error('invalid_token'))).toBe(false)
    expect(retryTransient(0, error('rate_limited'))).toBe(false)
    expect(retryTransient(0, new Error('plain'))).toBe(false)
  })
})
