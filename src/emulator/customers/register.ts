/**
 * POST `/customers` (registerCustomer): a guest token registers a new shopper. Mandatory:
 * `customer.login`, `customer.lastName`, `customer.email` and `password` (policy:
 * `settings.passwordPolicy`). The new shopper can log in through SLAS `/login` right away.
 *
 * @module
 */
import { json } from '../http.ts'
import { customerId, randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import { loginKey, type ShopperRecord } from '../state.ts'
import type { ShopperCaller } from './auth.ts'
import { isObject, readJsonObject } from './body.ts'
import { customerView, PROFILE_RULES, SHOPPER_FIELDS } from './customerView.ts'
import { MAX_PASSWORD_LENGTH, passwordAcceptable } from './passwordPolicy.ts'
import { loginTaken, weakPassword } from './problems.ts'
import { customerRecord } from './store.ts'
import { applied, changes, firstInvalid, invalidField } from './validate.ts'

function newCustomerNo(shoppers: Iterable<ShopperRecord>): string {
  const used = new Set(Array.from(shoppers, (s) => s.customerNo))
  for (;;) {
    const candidate = randomString(8, '0123456789')
    if (!used.has(candidate)) return candidate
  }
}

/** registerCustomer. */
export async function registerCustomer(
  ctx: RequestContext,
  _caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const { customer, password } = body.value
  if (!isObject(customer)) return invalidField('customer')
  if (typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) {
    return invalidField('password')
  }
  const bad = firstInvalid(customer, PROFILE_RULES, ['login', 'lastName', 'email'])
  if (bad !== undefined) return invalidField(`customer.${bad}`)
  const login = customer.login as string
  const { core } = ctx
  const state = core.state
  if (state.shoppers.has(loginKey(login))) return loginTaken(login)
  if (!passwordAcceptable(core.settings.passwordPolicy, password)) return weakPassword()

  const fields = changes(customer, PROFILE_RULES)
  const shopper: ShopperRecord = {
    login,
    password,
    firstName: typeof fields.firstName === 'string' ? fields.firstName : '',
    lastName: customer.lastName as string,
    email: customer.email as string,
    customerId: customerId(),
    customerNo: newCustomerNo(state.shoppers.values()),
  }
  const record = customerRecord(core, shopper.customerId)
  for (const name of SHOPPER_FIELDS) delete fields[name]
  record.profile = applied({}, fields)
  state.shoppers.set(loginKey(login), shopper)
  // As registerCustomer does, the answer carries no addresses or payment instruments.
  return json(200, customerView(core, shopper, record, new Set()))
}
