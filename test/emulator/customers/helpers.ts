/**
 * Helpers for the Shopper Customers and Account Manager tests: URL building, JSON calls with a
 * bearer token, shopper logins (via the SLAS helpers), Account Manager tokens and problem+json
 * assertions.
 */
import { expect } from 'vitest'
import type { Emulator } from '../../../src/emulator/index.ts'
import { basic, loginGuest, loginRegistered, type TokenBody } from '../helpers.ts'

/** Base of the Shopper Customers routes. */
export function customersBase(emulator: Emulator): string {
  const { baseUrl, organizationId } = emulator.settings
  return `${baseUrl}/customer/shopper-customers/v1/organizations/${organizationId}`
}

/** Options of {@link call}. */
export interface CallOptions {
  token?: string
  /** JSON-encoded unless a string (sent as is). */
  body?: unknown
  /** Extra query parameters; `siteId` defaults to the first site (`null` leaves it out). */
  query?: Record<string, string>
  siteId?: string | null
  headers?: Record<string, string>
}

/** Calls a Shopper Customers path (after `/organizations/{organizationId}`). */
export function call(
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const query = new URLSearchParams(options.query)
  const siteId = options.siteId === undefined ? emulator.settings.siteIds[0] : options.siteId
  if (siteId !== null && siteId !== undefined) query.set('siteId', siteId)
  const headers: Record<string, string> = { ...options.headers }
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const url = `${customersBase(emulator)}${path}?${query}`
  return emulator.handle(new Request(url, { method, headers, body }))
}

/** A logged-in shopper: tokens plus the customer id the token stands for. */
export interface Shopper {
  token: string
  refreshToken: string
  customerId: string
  usid: string
}

function shopperOf(body: TokenBody): Shopper {
  return {
    token: body.access_token,
    refreshToken: body.refresh_token,
    customerId: body.customer_id,
    usid: body.usid,
  }
}

/** A guest shopper (public client). */
export async function guestShopper(
  emulator: Emulator,
  options: { clientId?: string } = {},
): Promise<Shopper> {
  return shopperOf(await loginGuest(emulator, options))
}

/** A registered shopper (default: the first seeded one). */
export async function registeredShopper(
  emulator: Emulator,
  options: { login?: string; password?: string; usid?: string } = {},
): Promise<Shopper> {
  return shopperOf(await loginRegistered(emulator, options))
}

/** The second seeded shopper (Grace), logged in. */
export function otherShopper(emulator: Emulator): Promise<Shopper> {
  const grace = emulator.settings.shoppers[1]
  if (!grace) throw new Error('needs two seeded shoppers')
  return registeredShopper(emulator, { login: grace.login, password: grace.password })
}

/** POST /dwsso/oauth2/access_token. */
export function amTokenRequest(
  emulator: Emulator,
  body: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return emulator.handle(
    new Request(`${emulator.settings.baseUrl}/dwsso/oauth2/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
    }),
  )
}

/** An Account Manager access token for the default AM client. */
export async function amToken(emulator: Emulator): Promise<string> {
  const { clientId, secret } = emulator.settings.accountManager
  const response = await amTokenRequest(
    emulator,
    { grant_type: 'client_credentials' },
    { authorization: basic(clientId, secret) },
  )
  expect(response.status).toBe(200)
  return ((await response.json()) as { access_token: string }).access_token
}

/** A problem+json answer: status, content type, `type` slug, optional exact detail. */
export async function expectProblem(
  response: Response,
  status: number,
  slug: string,
  detail?: string,
): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>
  expect({ status: response.status, type: body.type }).toEqual({
    status,
    type: `https://api.commercecloud.salesforce.com/documentation/error/v1/errors/${slug}`,
  })
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  expect(typeof body.title).toBe('string')
  if (detail !== undefined) expect(body.detail).toBe(detail)
  return body
}

/** A 200 JSON answer (fails the test otherwise, printing only status and error type). */
export async function ok<T = Record<string, unknown>>(response: Response): Promise<T> {
  const body = (await response.json()) as Record<string, unknown>
  // On failure, show the status and the problem's type and detail (never a token).
  const seen = response.status === 200 ? 200 : [response.status, body.type, body.detail]
  expect(seen).toBe(200)
  return body as T
}

/** A registration body for `login` / `password`. */
export function registration(login: string, password: string, extra: object = {}) {
  return {
    customer: { login, email: login, firstName: 'Test', lastName: 'Shopper', ...extra },
    password,
  }
}

/** A password that meets the default policy (registered as a secret by the emulator on use). */
export const GOOD_PASSWORD = 'Sturdy-Passw0rd!'
/** Another one. */
export const OTHER_PASSWORD = 'Another-Passw0rd?'
