/**
 * GET and PATCH `/customers/{customerId}` (getCustomer, updateCustomer). Updates ignore read-only
 * fields; a `login` change needs the matching `currentPassword`
 * (`settings.loginChangeRequiresPassword`, default true; false is the pre-24.7 behaviour), must be
 * free, and ends the shopper's other logins. Every check runs before the first change.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { json } from '../http.ts'
import type { RequestContext } from '../router.ts'
import { loginKey, type ShopperRecord } from '../state.ts'
import type { ShopperCaller } from './auth.ts'
import { credentialsChanged } from './credentials.ts'
import {
  customerView,
  DEFAULT_EXPANSION,
  type Expansion,
  PROFILE_RULES,
  SHOPPER_FIELDS,
} from './customerView.ts'
import { readExpand } from './expand.ts'
import { callerShopper, readBodyAnd } from './owned.ts'
import { MAX_PASSWORD_LENGTH } from './passwordPolicy.ts'
import { loginTaken, wrongCurrentPassword } from './problems.ts'
import { customerRecord, touch } from './store.ts'
import { applied, changes, firstInvalid, invalidField } from './validate.ts'

const EXPANSIONS = ['none', 'addresses', 'paymentinstruments', 'paymentmethodreferences'] as const

/** getCustomer. */
export function getCustomer(ctx: RequestContext, caller: ShopperCaller): Response {
  const expand = readExpand(ctx.url.searchParams, EXPANSIONS)
  if (!expand.ok) return expand.response
  const shopper = callerShopper(ctx, caller)
  if (!shopper.ok) return shopper.response
  const record = customerRecord(ctx.core, caller.customerId)
  return json(200, customerView(ctx.core, shopper.value, record, expansionOf(expand.value)))
}

/** Absent: the default; `none` wins over anything else sent with it. */
function expansionOf(wanted: ReadonlySet<string> | undefined): ReadonlySet<Expansion> {
  if (wanted === undefined) return DEFAULT_EXPANSION
  if (wanted.has('none')) return new Set()
  return new Set([...wanted].filter((value): value is Expansion => value !== 'none'))
}

/** Fields that must not become empty. */
const NOT_EMPTY = ['login', 'email', 'lastName']

function changeLogin(core: EmulatorCore, shopper: ShopperRecord, login: string): void {
  core.state.shoppers.delete(loginKey(shopper.login))
  shopper.login = login
  core.state.shoppers.set(loginKey(login), shopper)
}

/** updateCustomer. */
export async function updateCustomer(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const input = await readBodyAnd(ctx, () => callerShopper(ctx, caller))
  if (!input.ok) return input.response
  const [patch, shopper] = input.value
  const { core } = ctx
  const bad = firstInvalid(patch, PROFILE_RULES)
  if (bad !== undefined) return invalidField(bad)
  const emptied = NOT_EMPTY.find((name) => patch[name] === null || patch[name] === '')
  if (emptied !== undefined) return invalidField(emptied)
  const { currentPassword } = patch
  if (currentPassword !== undefined && currentPassword !== null) {
    if (typeof currentPassword !== 'string' || currentPassword.length > MAX_PASSWORD_LENGTH) {
      return wrongCurrentPassword()
    }
  }
  const login = typeof patch.login === 'string' ? patch.login : undefined
  // Sending the login unchanged (e.g. the whole profile form) is not a login change.
  const loginChange = login !== undefined && login !== shopper.login
  if (loginChange) {
    if (core.settings.loginChangeRequiresPassword && currentPassword !== shopper.password) {
      return wrongCurrentPassword()
    }
    const owner = core.state.shoppers.get(loginKey(login))
    if (owner && owner !== shopper) return loginTaken(login)
  }

  const fields = changes(patch, PROFILE_RULES)
  const record = customerRecord(core, caller.customerId)
  if (typeof fields.email === 'string') shopper.email = fields.email
  if (typeof fields.lastName === 'string') shopper.lastName = fields.lastName
  if (fields.firstName !== undefined) {
    shopper.firstName = typeof fields.firstName === 'string' ? fields.firstName : ''
  }
  for (const name of SHOPPER_FIELDS) delete fields[name]
  record.profile = applied(record.profile, fields)
  touch(core, record)
  if (loginChange) {
    changeLogin(core, shopper, login)
    credentialsChanged(core, shopper)
  }
  return json(200, customerView(core, shopper, record, DEFAULT_EXPANSION))
}
