/**
 * Customer addresses: create, get, update (rename), remove; required fields, the country code
 * pattern, unique ids, the single preferred address.
 */
import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../../support/emulator.ts'
import { call, expectProblem, ok, registeredShopper } from './helpers.ts'

const HOME = { addressId: 'home', countryCode: 'GB', lastName: 'Lovelace', city: 'London' }

describe('customer addresses', () => {
  it('creates, reads, updates, renames and removes an address', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/addresses`
    const created = await ok(
      await call(emulator, 'POST', base, {
        token: ada.token,
        body: { ...HOME, c_gate: 'blue', x: 1 },
      }),
    )
    expect(created).toMatchObject({ ...HOME, c_gate: 'blue' })
    expect(created).not.toHaveProperty('x')
    expect(typeof created.creationDate).toBe('string')
    expect(await ok(await call(emulator, 'GET', `${base}/home`, { token: ada.token }))).toEqual(
      created,
    )

    const updated = await ok(
      await call(emulator, 'PATCH', `${base}/home`, {
        token: ada.token,
        body: { city: 'Marylebone', addressId: 'london', creationDate: 'ignored' },
      }),
    )
    expect(updated).toMatchObject({ addressId: 'london', city: 'Marylebone', c_gate: 'blue' })
    expect(updated.creationDate).toBe(created.creationDate)
    await expectProblem(
      await call(emulator, 'GET', `${base}/home`, { token: ada.token }),
      404,
      'not-found',
    )

    expect((await call(emulator, 'DELETE', `${base}/london`, { token: ada.token })).status).toBe(
      204,
    )
    await expectProblem(
      await call(emulator, 'DELETE', `${base}/london`, { token: ada.token }),
      404,
      'not-found',
    )
    await expectProblem(
      await call(emulator, 'PATCH', `${base}/london`, { token: ada.token, body: { city: 'x' } }),
      404,
      'not-found',
    )
  })

  it('checks required fields, the country code and unique ids', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/addresses`
    const broken = [
      { ...HOME, addressId: undefined },
      { ...HOME, countryCode: 'gb' },
      { ...HOME, countryCode: 'GBR' },
      { ...HOME, lastName: '' },
      { ...HOME, phone: '1'.repeat(33) },
      { ...HOME, preferred: 'yes' },
      { ...HOME, addressId: 'a'.repeat(257) },
    ]
    for (const body of broken) {
      await expectProblem(
        await call(emulator, 'POST', base, { token: ada.token, body }),
        400,
        'bad-request',
      )
    }
    await ok(await call(emulator, 'POST', base, { token: ada.token, body: HOME }))
    await expectProblem(
      await call(emulator, 'POST', base, { token: ada.token, body: HOME }),
      400,
      'bad-request',
      "An address with ID 'home' already exists.",
    )
    await ok(
      await call(emulator, 'POST', base, {
        token: ada.token,
        body: { ...HOME, addressId: 'work' },
      }),
    )
    const clash = await call(emulator, 'PATCH', `${base}/work`, {
      token: ada.token,
      body: { addressId: 'home', city: 'Nowhere' },
    })
    await expectProblem(clash, 400, 'bad-request')
    const cleared = await call(emulator, 'PATCH', `${base}/work`, {
      token: ada.token,
      body: { lastName: null },
    })
    await expectProblem(cleared, 400, 'bad-request')
    const work = await ok(await call(emulator, 'GET', `${base}/work`, { token: ada.token }))
    expect(work).toMatchObject({ city: 'London', lastName: 'Lovelace' })
  })

  it('keeps at most one preferred address', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const base = `/customers/${ada.customerId}/addresses`
    await ok(
      await call(emulator, 'POST', base, { token: ada.token, body: { ...HOME, preferred: true } }),
    )
    await ok(
      await call(emulator, 'POST', base, {
        token: ada.token,
        body: { ...HOME, addressId: 'work', preferred: true },
      }),
    )
    const customer = await ok<{ addresses: { addressId: string; preferred?: boolean }[] }>(
      await call(emulator, 'GET', `/customers/${ada.customerId}`, { token: ada.token }),
    )
    expect(customer.addresses.map((a) => [a.addressId, a.preferred])).toEqual([
      ['home', false],
      ['work', true],
    ])
    await ok(
      await call(emulator, 'PATCH', `${base}/home`, {
        token: ada.token,
        body: { preferred: true },
      }),
    )
    const work = await ok(await call(emulator, 'GET', `${base}/work`, { token: ada.token }))
    expect(work.preferred).toBe(false)
  })
})
