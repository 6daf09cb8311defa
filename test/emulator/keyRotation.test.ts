/**
 * `control.rotateSigningKey()`: new tokens carry the new key's kid, the JWKS publishes the new
 * key first and keeps the old one, and tokens of either key are accepted (SLAS publishes past
 * keys too); a reset keeps the keys.
 */
import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import { get, jwtHeader, loginGuest, loginRegistered, userinfo } from './helpers.ts'

async function publishedKids(emulator: ReturnType<typeof createTestEmulator>): Promise<string[]> {
  const response = await get(emulator, '/jwks')
  expect(response.status).toBe(200)
  return ((await response.json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid)
}

describe('control.rotateSigningKey', () => {
  it('new tokens carry the new kid; the JWKS lists both keys; both tokens are accepted', async () => {
    const emulator = createTestEmulator()
    const before = await loginGuest(emulator)
    const oldKid = jwtHeader(before.access_token).kid
    expect(await publishedKids(emulator)).toEqual([oldKid])

    const newKid = await emulator.control.rotateSigningKey()
    expect(newKid).not.toBe(oldKid)
    const after = await loginRegistered(emulator)
    expect(jwtHeader(after.access_token).kid).toBe(newKid)
    expect(await publishedKids(emulator)).toEqual([newKid, oldKid])

    expect((await userinfo(emulator, before.access_token)).status).toBe(200)
    expect((await userinfo(emulator, after.access_token)).status).toBe(200)
  })

  it('rotations stack, newest first; reset keeps the keys', async () => {
    const emulator = createTestEmulator()
    await loginGuest(emulator)
    const first = await emulator.control.rotateSigningKey()
    const second = await emulator.control.rotateSigningKey()
    const kids = await publishedKids(emulator)
    expect(kids).toHaveLength(3)
    expect(kids.slice(0, 2)).toEqual([second, first])
    emulator.control.reset()
    expect(await publishedKids(emulator)).toEqual(kids)
  })

  it('a token signed by no published key is still refused', async () => {
    const emulator = createTestEmulator()
    const other = createTestEmulator()
    const foreign = await loginGuest(other)
    await emulator.control.rotateSigningKey()
    expect((await userinfo(emulator, foreign.access_token)).status).toBe(401)
  })
})
