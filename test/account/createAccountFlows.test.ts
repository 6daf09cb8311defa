/**
 * `createAccountFlows` itself: an object of its own beside the session, each flow in both forms,
 * and the flows stay out of the core entries (the browser entry has a hard size budget).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createAccountFlows } from '../../src/account.ts'
import { measureImport } from '../support/bundleSize.ts'
import { createSessionHarness } from '../session/harness.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

// The flows' own files: the subpath's implementation and the three machines with their hold.
const FLOW_FILES =
  /^(src\/account|machines\/(passwordResetMachine|loginIdChangeMachine|passwordChangeMachine|secretHold))/

describe('createAccountFlows', () => {
  it('gives each flow as an actor and as a promise, leaving the session object as it was', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const members = Object.keys(session).sort()
    const account = createAccountFlows(session)
    expect(Object.keys(session).sort()).toEqual(members)
    expect(Object.keys(account).sort()).toEqual([
      'changeLoginId',
      'changePassword',
      'requestPasswordReset',
      'resetPassword',
      'startLoginIdChange',
      'startPasswordChange',
      'startPasswordReset',
    ])
    await session.ready()
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
  })

  it.each([
    ['src/browser.ts', 'createShopperSession'],
    ['src/index.ts', 'createShopperSession'],
  ])('%s does not carry the account flows', async (file, name) => {
    const size = await measureImport(file, file, [name])
    expect(size.inputs.filter((input) => FLOW_FILES.test(input))).toEqual([])
  }, 30_000)

  it('the account entry carries the flows but no server code', async () => {
    const size = await measureImport('account', 'src/account.ts', ['createAccountFlows'])
    expect(size.inputs.filter((input) => FLOW_FILES.test(input)).length).toBeGreaterThan(3)
    expect(size.inputs.filter((input) => input.startsWith('src/server/'))).toEqual([])
  }, 30_000)

  it('with the reset client: no server code, emulator, node: or zod', async () => {
    const names = ['createAccountFlows', 'createPasswordResetClient']
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
