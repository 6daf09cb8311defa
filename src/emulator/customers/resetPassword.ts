/**
 * The Shopper Customers password reset, both steps with an Account Manager token:
 * `create-reset-token` issues a token for a login (404 for an unknown login; a newer token replaces
 * older ones, as B2C Commerce does), `reset` spends it. Tokens live `settings.resetTokenMinutes`
 * (default 30), are single use, and show up in `control.outbox()` as the e-mail the app would send.
 *
 * @module
 */
import { json } from '../http.ts'
import { randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import { loginKey } from '../state.ts'
import type { AmCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import { credentialsChanged } from './credentials.ts'
import { MAX_PASSWORD_LENGTH, passwordAcceptable } from './passwordPolicy.ts'
import { invalidResetToken, notFound, weakPassword } from './problems.ts'
import { customerRecord, shopperById, touch } from './store.ts'
import { firstInvalid, invalidField, text } from './validate.ts'

/** getResetPasswordToken. */
export async function getResetPasswordToken(
  ctx: RequestContext,
  _caller: AmCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const bad = firstInvalid(body.value, { login: text(256) }, ['login'])
  if (bad !== undefined) return invalidField(bad)
  const login = body.value.login as string
  const { core } = ctx
  const state = core.state
  const shopper = state.shoppers.get(loginKey(login))
  if (!shopper) return notFound(`No customer with login '${login}' could be found.`, { login })

  for (const earlier of state.resetTokens.values()) {
    if (earlier.customerId === shopper.customerId) earlier.spent = true
  }
  const now = core.clock.now()
  const minutes = core.settings.resetTokenMinutes
  const resetToken = randomString(32)
  state.resetTokens.set(resetToken, {
    resetToken,
    customerId: shopper.customerId,
    login: shopper.login,
    email: shopper.email,
    issuedAt: now,
    expiresAt: now + minutes * 60_000,
    spent: false,
  })
  return json(200, {
    login: shopper.login,
    email: shopper.email,
    resetToken,
    expiresInMinutes: minutes,
  })
}

const RESET_RULES = {
  resetToken: text(4096),
  login: text(256),
  newPassword: text(MAX_PASSWORD_LENGTH),
}

/** resetPassword. */
export async function resetPassword(ctx: RequestContext, _caller: AmCaller): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const bad = firstInvalid(body.value, RESET_RULES, ['resetToken', 'login', 'newPassword'])
  if (bad !== undefined) return invalidField(bad)
  const { resetToken, login, newPassword } = body.value as Record<keyof typeof RESET_RULES, string>
  const { core } = ctx
  const state = core.state
  const record = state.resetTokens.get(resetToken)
  const shopper = record && shopperById(state, record.customerId)
  if (
    !record ||
    !shopper ||
    record.spent ||
    record.expiresAt <= core.clock.now() ||
    loginKey(login) !== loginKey(shopper.login)
  ) {
    return invalidResetToken()
  }
  // The policy is checked before the token is spent: a weak password can be retried.
  if (!passwordAcceptable(core.settings.passwordPolicy, newPassword)) return weakPassword()

  record.spent = true
  shopper.password = newPassword
  // Resetting is how a locked-out shopper gets back in: the SLAS lockout record goes too.
  state.logins.delete(loginKey(shopper.login))
  touch(core, customerRecord(core, shopper.customerId))
  credentialsChanged(core, shopper)
  return new Response(null, { status: 204 })
}
