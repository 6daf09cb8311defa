/**
 * PUT `/customers/{customerId}/password` (updateCustomerPassword, reference c.3): the current
 * password must match, the new one must meet the policy; then every older login of the shopper
 * ends (the caller's token included: the app logs in again with the new password).
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import { credentialsChanged } from './credentials.ts'
import { MAX_PASSWORD_LENGTH, passwordAcceptable } from './passwordPolicy.ts'
import { customerNotFound, weakPassword, wrongCurrentPassword } from './problems.ts'
import { customerRecord, shopperById, touch } from './store.ts'
import { invalidField } from './validate.ts'

/** updateCustomerPassword. */
export async function updateCustomerPassword(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const { core } = ctx
  const shopper = shopperById(core.state, caller.customerId)
  if (!shopper) return customerNotFound(caller.customerId)
  const { currentPassword, password } = body.value
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
