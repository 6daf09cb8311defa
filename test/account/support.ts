/**
 * Helpers for the account flow tests: a password reset port that calls the emulator's Shopper
 * Customers reset operations with an Account Manager token (what the server side does), the
 * reset token the emulator "mailed", and a watcher that records every snapshot of a flow.
 */
import { type AnyActorRef, waitFor } from 'xstate'
import type { Emulator } from '../../src/emulator/index.ts'
import {
  getAccountManagerToken,
  getResetPasswordToken,
  resetPassword,
} from '../../src/scapi/index.ts'
import type { PasswordResetPort } from '../../src/account/resetPort.ts'
import {
  type AccountFlows,
  type AccountFlowsOptions,
  type AccountSession,
  createAccountFlows,
} from '../../src/account.ts'

/** A port straight to the emulator, as a server would hold it (Account Manager credentials). */
export function emulatorResetPort(emulator: Emulator): PasswordResetPort & { calls: string[] } {
  const { baseUrl, organizationId, siteIds, accountManager } = emulator.settings
  const scapi = { baseUrl, organizationId, siteId: siteIds[0] ?? 'RefArch', fetch: emulator.fetch }
  const am = {
    baseUrl,
    clientId: accountManager.clientId,
    clientSecret: accountManager.secret,
    fetch: emulator.fetch,
  }
  const calls: string[] = []
  const amToken = async (signal: AbortSignal | undefined) =>
    (await getAccountManagerToken(am, { scope: 'sfcc.shopper-customers.login' }, { signal }))
      .access_token
  return {
    calls,
    async requestToken(login, options = {}) {
      calls.push('requestToken')
      const accessToken = await amToken(options.signal)
      // The token goes to the outbox (the e-mail); the browser side never receives it.
      await getResetPasswordToken(scapi, { accessToken, body: { login } }, options)
    },
    async resetPassword({ login, token, newPassword }, options = {}) {
      calls.push('resetPassword')
      const accessToken = await amToken(options.signal)
      const body = { login, resetToken: token, newPassword }
      await resetPassword(scapi, { accessToken, body }, options)
    },
  }
}

/** The newest reset token the emulator issued for `login` (the link in the last e-mail). */
export function mailedToken(emulator: Emulator, login: string): string {
  const mails = emulator.control.outbox().filter((mail) => mail.login === login)
  const last = mails[mails.length - 1]
  if (!last) throw new Error(`no reset mail for ${login}`)
  return last.resetToken
}

/** Records the JSON of every snapshot of `actor` (what persistence or an inspector would see). */
export function recordSnapshots(actor: AnyActorRef): string[] {
  const seen = [JSON.stringify(actor.getSnapshot())]
  actor.subscribe((snapshot) => {
    seen.push(JSON.stringify(snapshot))
  })
  return seen
}

/** Whether any recorded snapshot contains any of `secrets` (never printed: they are secrets). */
export function leaks(seen: readonly string[], secrets: readonly string[]): boolean {
  return seen.some((json) => secrets.some((secret) => json.includes(secret)))
}

/** Waits until the flow carries `tag` (or ends), failing after 5 s. */
export function untilTag<A extends AnyActorRef>(actor: A, tag: string) {
  return waitFor(
    actor,
    (snapshot) => (snapshot as { hasTag(tag: string): boolean }).hasTag(tag),
    { timeout: 5_000 },
  )
}

/**
 * A session together with its account flows, as one object for the tests' convenience (apps keep
 * the two apart: `createAccountFlows(session)`).
 */
export function sessionWithFlows<S extends AccountSession>(
  session: S,
  options?: AccountFlowsOptions,
): S & AccountFlows {
  return { ...session, ...createAccountFlows(session, options) }
}
