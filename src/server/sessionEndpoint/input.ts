/**
 * Reading a session endpoint call: the method and the JSON body become one typed call, or
 * `bad_request` naming the field (never its value: it may be a password).
 *
 * @module
 */
import type { RegistrationCustomer } from '../../../machines/sessionMachine.ts'
import { ShopperSessionError } from '../../errors.ts'

/** One call, as the handler performs it. */
export type SessionCall =
  | { action: 'state' }
  | { action: 'token'; force: boolean }
  | { action: 'login'; username: string; password: string }
  | { action: 'register'; customer: RegistrationCustomer; password: string }
  | { action: 'logout'; allSessions: boolean; remote: boolean }

/** The most characters of a login and a password (SLAS and Shopper Customers limits). */
const LIMITS = { username: 256, password: 4096 } as const

function refuse(reason: string): never {
  // No `status`: the endpoint tells its own refusals (whose message it may show) from upstream ones.
  throw new ShopperSessionError('bad_request', `session endpoint: ${reason}`, {
    operation: 'sessionEndpoint',
  })
}

function text(body: Record<string, unknown>, field: keyof typeof LIMITS): string {
  const value = body[field]
  if (value === undefined) refuse(`${field}: is required`)
  if (typeof value !== 'string') refuse(`${field}: must be a string`)
  if (value.length === 0) refuse(`${field}: must not be empty`)
  if (value.length > LIMITS[field]) refuse(`${field}: must be at most ${LIMITS[field]} characters`)
  return value
}

function flag(body: Record<string, unknown>, field: string, fallback: boolean): boolean {
  const value = body[field]
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') refuse(`${field}: must be a boolean`)
  return value
}

function customer(body: Record<string, unknown>): RegistrationCustomer {
  const value = body.customer
  const fields =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const complete = ['login', 'email', 'lastName'].every((key) => typeof fields[key] === 'string')
  if (Array.isArray(value) || !complete) {
    refuse('customer: must be an object with login, email and lastName')
  }
  return value as RegistrationCustomer
}

/**
 * The call `method` and `body` make: `GET` reads the state; a `POST` body names its `action`
 * (`token`, `login`, `register`, `logout`) and carries that action's fields.
 */
export function readCall(method: string, body: Record<string, unknown> | undefined): SessionCall {
  if (method === 'GET' || body === undefined) return { action: 'state' }
  switch (body.action) {
    case 'token':
      return { action: 'token', force: flag(body, 'force', false) }
    case 'login':
      return { action: 'login', username: text(body, 'username'), password: text(body, 'password') }
    case 'register':
      return { action: 'register', customer: customer(body), password: text(body, 'password') }
    case 'logout':
      return {
        action: 'logout',
        allSessions: flag(body, 'allSessions', false),
        remote: flag(body, 'remote', true),
      }
    default:
      return refuse('action: must be "token", "login", "register" or "logout"')
  }
}
