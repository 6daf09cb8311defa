/**
 * `withAccountFlows` itself: it extends the very session object, and the flows stay out of the
 * core entries (the browser entry has a hard size budget).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { withAccountFlows } from '../../src/account.ts'
import { measureImport } from '../support/bundleSize.ts'
import { createSessionHarness } from '../session/harness.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

// The flows' own files: the subpath's implementation and the two machines with their hold.
const FLOW_FILES =
  /^(src\/account|machines\/(passwordResetMachine|loginIdChangeMachine|secretHold))/

describe('withAccountFlows', () => {
  it('returns the same session object with the three flows added', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const account = withAccountFlows(session)
    expect(account).toBe(session)
    expect(typeof account.resetPassword).toBe('function')
    expect(typeof account.changeLoginId).toBe('function')
    expect(typeof account.changePassword).toBe('function')
    await account.ready()
    expect(account.getSnapshot().hasTag('guest')).toBe(true)
  })

  it.each([
    ['src/browser.ts', 'createShopperSession'],
    ['src/index.ts', 'createShopperSession'],
  ])('%s does not carry the account flows', async (file, name) => {
    const size = await measureImport(file, file, [name])
    expect(size.inputs.filter((input) => FLOW_FILES.test(input))).toEqual([])
  }, 30_000)

  it('the account entry carries the flows but no server code', async () => {
    const size = await measureImport('account', 'src/account.ts', ['withAccountFlows'])
    expect(size.inputs.filter((input) => FLOW_FILES.test(input)).length).toBeGreaterThan(3)
    expect(size.inputs.filter((input) => input.startsWith('src/server/'))).toEqual([])
  }, 30_000)

  it('with the reset client: no server code, emulator, node: or zod', async () => {
    const names = ['withAccountFlows', 'createPasswordResetClient']
    const size = await measureImport('account + client', 'src/account.ts', names)
    const serverSide = size.inputs.filter(
      (input) =>
        input.startsWith('src/server/') ||
        input.startsWith('src/emulator/') ||
        input.startsWith('node:') ||
        /node_modules\/zod\//.test(input),
    )
    expect(serverSide).toEqual([])
  }, 30_000)
})
