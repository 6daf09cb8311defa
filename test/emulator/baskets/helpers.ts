/**
 * Helpers for the Shopper Baskets emulator tests: URLs, JSON calls with a bearer token, and the
 * guest → registered login that carries the guest usid (what merge/transfer need).
 */
import { expect } from 'vitest'
import type { Emulator } from '../../../src/emulator/index.ts'
import { loginGuest, loginRegistered, type TokenBody } from '../helpers.ts'

/** The problem+json type URI of `slug`. */
export const TYPE = 'https://api.commercecloud.salesforce.com/documentation/error/v1/errors/'

/** URL of a basket path (`/baskets…`) with `siteId` (unless `siteId: null`) and more query. */
export function basketUrl(
  emulator: Emulator,
  path: string,
  query: Record<string, string | null> = {},
  version: 'v1' | 'v2' = 'v1',
): string {
  const { baseUrl, organizationId, siteIds } = emulator.settings
  const params = new URLSearchParams()
  const all: Record<string, string | null> = { siteId: siteIds[0] ?? 'RefArch', ...query }
  for (const [name, value] of Object.entries(all)) if (value !== null) params.set(name, value)
  const search = params.toString()
  return `${baseUrl}/checkout/shopper-baskets/${version}/organizations/${organizationId}${path}${search ? `?${search}` : ''}`
}

/** Options of {@link call}. */
export interface CallOptions {
  token?: string
  query?: Record<string, string | null>
  /** JSON-encoded unless a string. */
  body?: unknown
  version?: 'v1' | 'v2'
  headers?: Record<string, string>
}

/** One basket call through `emulator.handle`. */
export function call(emulator: Emulator, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  return emulator.handle(
    new Request(basketUrl(emulator, path, options.query, options.version), {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    }),
  )
}

/** A basket as the tests read it. */
export interface Basket {
  basketId: string
  currency: string
  customerInfo: { customerId: string; email?: string; customerNo?: string; customerName?: string }
  productItems: {
    itemId: string
    productId: string
    quantity: number
    basePrice: number
    price: number
    shipmentId: string
    [key: string]: unknown
  }[]
  productTotal: number
  orderTotal: number
  [key: string]: unknown
}

/** Reads a 200 basket (fails the test otherwise). */
export async function basketOf(response: Response): Promise<Basket> {
  const body = (await response.json()) as Basket
  expect(response.status, JSON.stringify({ type: body.type, detail: body.detail })).toBe(200)
  return body
}

/** Expects a problem answer: status, type slug, content type, and body fields (subset). */
export async function expectProblem(
  response: Response,
  status: number,
  slug: string,
  fields: Record<string, unknown> = {},
  contentType = 'application/problem+json',
): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe(contentType)
  const body = (await response.json()) as Record<string, unknown>
  expect(body).toMatchObject({ type: `${TYPE}${slug}`, ...fields })
  expect(typeof body.title).toBe('string')
  expect(typeof body.detail).toBe('string')
  return body
}

/** Creates a basket (optionally with items) and returns it. */
export async function createBasket(emulator: Emulator, token: string, body: unknown = {}) {
  return basketOf(await call(emulator, 'POST', '/baskets', { token, body }))
}

/** Adds `[productId, quantity]` lines and returns the basket. */
export async function addItems(
  emulator: Emulator,
  token: string,
  basketId: string,
  items: readonly (readonly [string, number])[],
) {
  const body = items.map(([productId, quantity]) => ({ productId, quantity }))
  return basketOf(await call(emulator, 'POST', `/baskets/${basketId}/items`, { token, body }))
}

/** `{ productId: quantity }` of a basket's lines (separate lines as an array of quantities). */
export function quantities(basket: Basket): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {}
  for (const item of basket.productItems) {
    const seen = out[item.productId]
    if (seen === undefined) out[item.productId] = item.quantity
    else out[item.productId] = [...(Array.isArray(seen) ? seen : [seen]), item.quantity]
  }
  return out
}

/** A guest, then the registered shopper logging in with the guest's usid (previous customer). */
export async function guestThenRegistered(
  emulator: Emulator,
  options: { login?: string; password?: string } = {},
): Promise<{ guest: TokenBody; registered: TokenBody }> {
  const guest = await loginGuest(emulator)
  const registered = await loginRegistered(emulator, { ...options, usid: guest.usid })
  return { guest, registered }
}
