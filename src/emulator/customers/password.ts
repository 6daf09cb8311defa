/**
 * PUT `/customers/{customerId}/password` (updateCustomerPassword): the current password must match,
 * the new one must meet the policy; then every older login of the shopper ends (the caller's token
 * included: the app logs in again with the new password).
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { credentialsChanged } from './credentials.ts'
import { callerShopper, readBodyAnd } from './owned.ts'
import { MAX_PASSWORD_LENGTH, passwordAcceptable } from './passwordPolicy.ts'
import { weakPassword, wrongCurrentPassword } from './problems.ts'
import { customerRecord, touch } from './store.ts'
import { invalidField } from './validate.ts'

/** updateCustomerPassword. */
export async function updateCustomerPassword(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const input = await readBodyAnd(ctx, () => callerShopper(ctx, caller))
  if (!input.ok) return input.response
  const [{ currentPassword, password }, shopper] = input.value
  const { core } = ctx
  if (typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) {
    return invalidField('password')
  }
  if (currentPassword !== shopper.password) return wrongCurrentPassword()
  if (!passwordAcceptable(core.settings.passwordPolicy, password)) return weakPassword()

  shopper.password = password
  touch(core, customerRecord(core, shopper.customerId))
  credentialsChanged(core, shopper)
  return new Response(null, { status: 204 })
}
