/**
 * The `inspect` option of the session and of the account flows takes only an inspector from
 * `shopper-session/inspect`: a bare function or observer (which would see raw tokens) is refused
 * with `invalid_config`, worded to say how to wrap it, before anything runs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { InspectionEvent } from 'xstate'
import { createAccountFlows } from '../../src/account.ts'
import { redactedInspector, unsafeRawInspector } from '../../src/inspect.ts'
import type { ShopperInspector } from '../../src/inspect/registry.ts'
import { expectCode } from '../support/expectError.ts'
import { createSessionHarness, type SessionHarness } from '../session/harness.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => harness?.stopAll())

const WRAP = 'must be wrapped: redactedInspector(observer) from shopper-session/inspect'

// What an app might pass by mistake: XState's own option types, unwrapped.
const BARE = {
  function: (_event: InspectionEvent) => undefined,
  observer: { next: (_event: InspectionEvent) => undefined },
  'inspector object': { inspect: { next: (_event: InspectionEvent) => undefined } },
}

describe('the inspect option', () => {
  it.each(Object.entries(BARE))('of the session refuses a bare %s', async (_, bare) => {
    const sessions = createSessionHarness()
    harness = sessions
    const inspect = bare as unknown as ShopperInspector
    const error = await expectCode(
      Promise.resolve().then(() => sessions.session({ inspect })),
      'invalid_config',
    )
    expect(error.message).toBe(`Invalid shopper session config: inspect: ${WRAP}`)
  })

  it.each(Object.entries(BARE))('of the account flows refuses a bare %s', async (_, bare) => {
    harness = createSessionHarness()
    const session = harness.session()
    const error = await expectCode(
      Promise.resolve().then(() =>
        createAccountFlows(session, { inspect: bare as unknown as ShopperInspector }),
      ),
      'invalid_config',
    )
    expect(error.message).toBe(`createAccountFlows: inspect: ${WRAP}`)
  })

  it('takes a redacted or an unsafe raw inspector, on the session and the flows', async () => {
    harness = createSessionHarness()
    const types: string[] = []
    const inspect = redactedInspector((event) => types.push(event.type))
    const session = harness.session({ inspect })
    await session.ready()
    expect(types).toContain('@xstate.snapshot')
    const raw = unsafeRawInspector(() => undefined)
    expect(() => createAccountFlows(session, { inspect })).not.toThrow()
    expect(() => createAccountFlows(session, { inspect: raw })).not.toThrow()
  })
})
