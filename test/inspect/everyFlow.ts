/**
 * One run through everything a shopper's session does, for the tests that search what an
 * inspector saw for secrets (statelyInspect.test.ts, view/secrets.test.ts): a guest start, a
 * login, a forced refresh and a logout, then the account flows' password reset (with the login
 * after it), loginId change and password change, and a reset flow left waiting at `tokenSent`.
 */
import type { ShopperSession } from '../../src/index.ts'
import type { AccountFlows } from '../../src/account/createAccountFlows.ts'
import type { Emulator } from '../../src/emulator/index.ts'
import { untilTag } from '../account/support.ts'

/** The passwords the run types. */
export const TYPED = { reset: 'Res3t-Passw0rd!', changed: 'Chang3d-Passw0rd!' }

/** The login the run changes Grace's to. */
export const NEW_LOGIN = 'grace.renamed@example.com'

/** What the run leaves to search for, and the flow it left running. */
export interface FlowRun {
  /** Every access and refresh token the session held, whether or not the emulator still knows it. */
  held: Set<string>
  /** The reset token the outbox delivered. */
  resetToken: string
  /** A password reset waiting at `tokenSent`: stop it when done. */
  waiting: ReturnType<AccountFlows['startPasswordReset']>
}

/** Runs every flow on `session` (with its account flows) against `emulator`. */
export async function runEveryFlow(
  session: ShopperSession & AccountFlows,
  emulator: Emulator,
): Promise<FlowRun> {
  const [ada, grace] = emulator.settings.shoppers
  if (!ada || !grace) throw new Error('two seeded shoppers')
  const held = new Set<string>()
  const keep = () => {
    const tokens = session.getTokens()
    if (tokens) held.add(tokens.accessToken).add(tokens.refreshToken)
  }

  await session.ready()
  keep()
  await session.login(ada.login, ada.password)
  keep()
  await session.getAccessToken({ force: true })
  keep()
  await session.logout()
  keep()

  await session.requestPasswordReset(grace.login)
  const resetToken = emulator.control.outbox().at(-1)?.resetToken ?? ''
  await session.resetPassword({
    login: grace.login,
    token: resetToken,
    newPassword: TYPED.reset,
    loginAfterReset: true,
  })
  keep()
  // SLAS refuses two logins of one shopper within a second: each re-login comes later.
  emulator.control.advanceTime(2_000)
  await session.changeLoginId({ newLogin: NEW_LOGIN, currentPassword: TYPED.reset })
  keep()
  emulator.control.advanceTime(2_000)
  await session.changePassword({ currentPassword: TYPED.reset, newPassword: TYPED.changed })
  keep()
  // A flow inspected while it waits: an inspector may read its actor later, through the ref.
  const waiting = session.startPasswordReset()
  waiting.send({ type: 'request', login: NEW_LOGIN })
  await untilTag(waiting, 'tokenSent')
  return { held, resetToken, waiting }
}
