/**
 * Session endpoint test helpers: an endpoint over the in-process emulator, and a "browser" that
 * calls it with the CSRF header and keeps the cookies each answer sets, as a browser would.
 */
import { createSessionEndpoint, type SessionEndpointOptions } from '../../src/server/index.ts'
import type { EmulatorOptions } from '../../src/emulator/index.ts'
import { cookiesAfter, openedRecord, serverSetup } from './helpers.ts'

/** The endpoint's URL in these tests (its own origin is `http://shop.test`). */
export const ENDPOINT = 'http://shop.test/api/session'

/** What a call sends besides its body. */
export interface CallOptions {
  method?: string
  origin?: string
  /** Headers to set (a `null` value removes the default one). */
  headers?: Record<string, string | null>
  /** The raw body (default: `body` as JSON). */
  raw?: string
}

/** A request to the endpoint: `GET` without a body, `POST` JSON with one. */
export function endpointRequest(body?: object, cookie = '', options: CallOptions = {}): Request {
  const method =
    options.method ?? (body === undefined && options.raw === undefined ? 'GET' : 'POST')
  const headers = new Headers({ 'x-shopper-session': '1' })
  if (method === 'POST') headers.set('content-type', 'application/json')
  if (cookie !== '') headers.set('cookie', cookie)
  if (options.origin !== undefined) headers.set('origin', options.origin)
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name)
    else headers.set(name, value)
  }
  const text = options.raw ?? (body === undefined ? undefined : JSON.stringify(body))
  return new Request(ENDPOINT, { method, headers, ...(text === undefined ? {} : { body: text }) })
}

/** The endpoint over a fresh emulator, and a browser with a cookie jar calling it. */
export function endpointSetup(
  options: SessionEndpointOptions = {},
  emulatorOptions: EmulatorOptions = {},
) {
  const setup = serverSetup(emulatorOptions)
  const endpoint = createSessionEndpoint(setup.config, { logger: null, ...options })
  let cookie = ''
  /** Calls the endpoint with the jar's cookies and keeps what the answer sets. */
  const call = async (body?: object, callOptions: CallOptions = {}) => {
    const response = await endpoint(endpointRequest(body, cookie, callOptions))
    cookie = cookiesAfter(response.headers.getSetCookie(), cookie)
    const text = await response.text()
    const json = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>)
    return { response, text, json }
  }
  /** The sealed session record of the jar (tokens included: assert on it, never print it). */
  const record = async () => openedRecord(setup.config, cookie)
  return { ...setup, endpoint, call, record, cookie: () => cookie }
}
