/**
 * Test helpers for the SLAS and SCAPI clients: configs, a recording in-process `fetch` (it never
 * follows a redirect, like an in-process emulator handler), crafted responses and unsigned JWTs.
 */
import type { SlasClientConfig } from '../../src/scapi/config.ts'
import type { ScapiClientConfig } from '../../src/scapi/scapiConfig.ts'

export const ORGANIZATION_ID = 'f_ecom_zzxy_prd'
export const CLIENT_ID = 'c9c45bfd-0ed3-4aa2-9971-40f88962b836'
export const CLIENT_SECRET = 'private-client-secret-Zq81x'
export const SITE_ID = 'RefArch'
export const REDIRECT_URI = 'http://localhost:3000/callback'
export const ORIGIN = 'http://slas.test'
export const SLAS_PREFIX = `${ORIGIN}/shopper/auth/v1/organizations/${ORGANIZATION_ID}/oauth2/`

/** One request as the fake fetch saw it. */
export interface Recorded {
  url: URL
  method: string
  headers: Headers
  body: string
  /** The body parsed as a form (empty when there is none). */
  form: URLSearchParams
  redirect: RequestRedirect | undefined
  signal: AbortSignal | undefined
}

export type Handler = (request: Recorded) => Response | Promise<Response>

/** A `typeof fetch` that records every request and answers with `handler`. */
export function recordingFetch(handler: Handler): { fetch: typeof fetch; calls: Recorded[] } {
  const calls: Recorded[] = []
  const fetchFn: typeof fetch = async (input, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : ''
    const recorded: Recorded = {
      url: new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      ),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body,
      form: new URLSearchParams(body),
      redirect: init.redirect,
      signal: init.signal ?? undefined,
    }
    calls.push(recorded)
    return handler(recorded)
  }
  return { fetch: fetchFn, calls }
}

/** A public client config around `fetchFn`. */
export function publicConfig(fetchFn: typeof fetch, extra: Partial<SlasClientConfig> = {}) {
  return {
    baseUrl: ORIGIN,
    organizationId: ORGANIZATION_ID,
    clientId: CLIENT_ID,
    siteId: SITE_ID,
    redirectURI: REDIRECT_URI,
    fetch: fetchFn,
    redirect: 'manual',
    ...extra,
  } satisfies SlasClientConfig
}

/** A private client config around `fetchFn`. */
export function privateConfig(fetchFn: typeof fetch, extra: Partial<SlasClientConfig> = {}) {
  return publicConfig(fetchFn, { clientSecret: CLIENT_SECRET, ...extra })
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/** A 303 to `location`. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } })
}

/** A 200 as a browser fetch returns it after following a redirect to `url`. */
export function followed(url: string): Response {
  const response = new Response('<html>callback</html>', { status: 200 })
  Object.defineProperty(response, 'url', { value: url })
  Object.defineProperty(response, 'redirected', { value: true })
  return response
}

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** An unsigned JWT with `payload` (the client never checks signatures). */
export function makeJwt(payload: Record<string, unknown>): string {
  const header = { alg: 'ES256', typ: 'jwt', kid: 'SLAS' }
  return `${base64Url(header)}.${base64Url(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`
}

let serial = 0

/** A valid token response; every call gets fresh token values. */
export function tokenBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1
  return {
    access_token: makeJwt({ sub: `cc-slas::zzxy_prd::scid:${CLIENT_ID}::usid:u-${serial}` }),
    id_token: '',
    refresh_token: `refresh-${serial}-Yx82kQ.pLm39aZ0`,
    expires_in: 1800,
    refresh_token_expires_in: 2592000,
    token_type: 'Bearer',
    usid: '18cda486-fe32-4e27-888b-6e4f89938e67',
    customer_id: 'abxHc1lblIlKwRl0k1mqYYkewY',
    enc_user_id: '45D39A8499A95288F82855427EBA99B5',
    idp_access_token: '',
    ...overrides,
  }
}

/** Decodes a Basic `authorization` header to `user:secret`. */
export function decodeBasic(header: string | null): string {
  if (header === null || !header.startsWith('Basic ')) throw new Error('no Basic header')
  return Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8')
}

/** Shopper Customers and Baskets base URLs for {@link scapiConfig}. */
export const CUSTOMERS_PREFIX = `${ORIGIN}/customer/shopper-customers/v1/organizations/${ORGANIZATION_ID}/`
export const BASKETS_PREFIX = `${ORIGIN}/checkout/shopper-baskets/v1/organizations/${ORGANIZATION_ID}/`

/** A Shopper Customers/Baskets client config around `fetchFn`. */
export function scapiConfig(fetchFn: typeof fetch, extra: Partial<ScapiClientConfig> = {}) {
  return {
    baseUrl: ORIGIN,
    organizationId: ORGANIZATION_ID,
    siteId: SITE_ID,
    fetch: fetchFn,
    ...extra,
  } satisfies ScapiClientConfig
}

/** The request body as JSON (`undefined` when there is none). */
export function jsonOf(call: Recorded | undefined): unknown {
  return call === undefined || call.body === '' ? undefined : JSON.parse(call.body)
}

/** A 204 without a body. */
export function noContent(): Response {
  return new Response(null, { status: 204 })
}

/** A SCAPI problem+json error answer. */
export function problem(status: number, slug: string, detail: string, extra: object = {}) {
  const type = `https://api.commercecloud.salesforce.com/documentation/error/v1/errors/${slug}`
  return new Response(JSON.stringify({ type, title: slug, detail, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  })
}
