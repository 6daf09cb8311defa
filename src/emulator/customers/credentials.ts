/**
 * What a password change, a password reset or a loginId change does to existing logins: every
 * session of the shopper ends (refresh tokens stop working) and every access token issued before
 * the change is refused with "Customer credentials changed after token was issued." Tokens are
 * marked at the moment of the change instead of comparing issue times: with a frozen test clock
 * a token issued in the same millisecond after the change must still work.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { endSession } from '../sessions.ts'
import type { ShopperRecord } from '../state.ts'
import { customerRecord } from './store.ts'

/** Ends the shopper's sessions and marks their access tokens; records `credentialsChangedAt`. */
export function credentialsChanged(core: EmulatorCore, shopper: ShopperRecord): void {
  const state = core.state
  customerRecord(core, shopper.customerId).credentialsChangedAt = core.clock.now()
  const sessionIds = new Set<string>()
  for (const session of state.sessions.values()) {
    if (session.kind === 'registered' && session.rcid === shopper.customerId) {
      sessionIds.add(session.id)
    }
  }
  for (const access of state.accessTokens.values()) {
    // Tokens already revoked (logout) keep their generic answer.
    if (sessionIds.has(access.sessionId) && !access.revoked) {
      access.revokedBecause = 'credentialsChanged'
    }
  }
  for (const id of sessionIds) {
    const session = state.sessions.get(id)
    if (session) endSession(state, session, { accessTokens: true })
  }
}
