/**
 * Raw-HTTP helpers for the emulator tests: PKCE with WebCrypto, request builders, and the guest /
 * registered login recipes exactly as commerce-sdk-isomorphic's `helpers` send them.
 */
import { expect } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'

/** The TokenResponse fields the tests read. */
export interface TokenBody {
  access_token: string
  id_token: string
  refresh_token: string
  expires_in: number
  refresh_token_expires_in: number
  token_type: string
  usid: string
  customer_id: string
  enc_user_id: string
  idp_access_token: string
  dnt?: string
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url')
}

/** A PKCE pair: 64-char verifier, S256 challenge. */
export async function pkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)))
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return { verifier, challenge: base64url(new Uint8Array(digest)) }
}

/** `Basic base64(user:password)`. */
export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

/** Base URL of the SLAS routes for `emulator`. */
export function slasUrl(emulator: Emulator, path: string): string {
  const { baseUrl, organizationId } = emulator.settings
  return `${baseUrl}/shopper/auth/v1/organizations/${organizationId}/oauth2${path}`
}

type Params = Record<string, string | undefined>

function defined(params: Params): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  )
}

/** GET a SLAS path with a query. */
export function get(
  emulator: Emulator,
  path: string,
  query: Params = {},
  headers: Record<string, string> = {},
) {
  const url = `${slasUrl(emulator, path)}?${new URLSearchParams(defined(query))}`
  return emulator.handle(new Request(url, { headers }))
}

/** POST a form to a SLAS path. */
export function post(
  emulator: Emulator,
  path: string,
  body: Params,
  headers: Record<string, string> = {},
) {
  return emulator.handle(
    new Request(slasUrl(emulator, path), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(defined(body)),
    }),
  )
}

/** Reads a 200 TokenResponse (fails the test otherwise). */
export async function tokens(response: Response): Promise<TokenBody> {
  const body = (await response.json()) as TokenBody
  expect(
    response.status,
    JSON.stringify({ error: (body as unknown as Record<string, unknown>).error }),
  ).toBe(200)
  return body
}

/** `code` and `usid` from a 303 Location. */
export function fromLocation(response: Response): {
  code: string
  usid: string
  state: string | null
  url: URL
} {
  expect(response.status).toBe(303)
  const url = new URL(response.headers.get('location') ?? '')
  return {
    code: url.searchParams.get('code') ?? '',
    usid: url.searchParams.get('usid') ?? '',
    state: url.searchParams.get('state'),
    url,
  }
}

/** Options of the guest authorize step. */
export interface AuthorizeOptions {
  usid?: string
  clientId?: string
  redirectURI?: string
  state?: string
  headers?: Record<string, string>
}

/** GET /authorize?hint=guest with PKCE; returns the code, usid and verifier. */
export async function authorizeGuest(emulator: Emulator, options: AuthorizeOptions = {}) {
  const { verifier, challenge } = await pkce()
  const response = await get(
    emulator,
    '/authorize',
    {
      client_id: options.clientId ?? emulator.settings.clients.public.clientId,
      channel_id: emulator.settings.siteIds[0],
      code_challenge: challenge,
      hint: 'guest',
      redirect_uri: options.redirectURI ?? emulator.settings.redirectURI,
      response_type: 'code',
      usid: options.usid,
      state: options.state,
    },
    options.headers,
  )
  return { ...fromLocation(response), verifier }
}

/** The /token body of a PKCE code exchange (what the SDK sends, plus its extra organizationId). */
export function codeExchange(
  emulator: Emulator,
  code: string,
  verifier: string,
  usid: string,
  extra: Params = {},
) {
  return {
    client_id: emulator.settings.clients.public.clientId,
    channel_id: emulator.settings.siteIds[0],
    code,
    code_verifier: verifier,
    grant_type: 'authorization_code_pkce',
    redirect_uri: emulator.settings.redirectURI,
    usid,
    organizationId: emulator.settings.organizationId,
    ...extra,
  }
}

/** Full public guest login (authorize + token). */
export async function loginGuest(
  emulator: Emulator,
  options: AuthorizeOptions & { dnt?: string } = {},
) {
  const { code, usid, verifier } = await authorizeGuest(emulator, options)
  return tokens(
    await post(
      emulator,
      '/token',
      codeExchange(emulator, code, verifier, usid, { dnt: options.dnt }),
    ),
  )
}

/** POST /login with shopper credentials (public client, PKCE). */
export async function loginRequest(
  emulator: Emulator,
  options: {
    login?: string
    password?: string
    usid?: string
    headers?: Record<string, string>
    clientId?: string
    challenge?: string
  } = {},
) {
  const shopper = emulator.settings.shoppers[0]!
  const { verifier, challenge } = await pkce()
  const response = await post(
    emulator,
    '/login',
    {
      client_id: options.clientId ?? emulator.settings.clients.public.clientId,
      channel_id: emulator.settings.siteIds[0],
      code_challenge: options.challenge ?? challenge,
      redirect_uri: emulator.settings.redirectURI,
      usid: options.usid,
    },
    {
      authorization: basic(options.login ?? shopper.login, options.password ?? shopper.password),
      ...options.headers,
    },
  )
  return { response, verifier }
}

/** Full registered login (login + token). */
export async function loginRegistered(
  emulator: Emulator,
  options: { login?: string; password?: string; usid?: string } = {},
) {
  const { response, verifier } = await loginRequest(emulator, options)
  const { code, usid } = fromLocation(response)
  return tokens(await post(emulator, '/token', codeExchange(emulator, code, verifier, usid)))
}

/** A public-client refresh request. */
export function refresh(
  emulator: Emulator,
  refreshToken: string,
  extra: Params = {},
  headers: Record<string, string> = {},
) {
  return post(
    emulator,
    '/token',
    {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: emulator.settings.clients.public.clientId,
      channel_id: emulator.settings.siteIds[0],
      ...extra,
    },
    headers,
  )
}

/** Basic header of the default private client. */
export function privateAuth(emulator: Emulator): string {
  const { clientId, secret } = emulator.settings.clients.private
  return basic(clientId, secret ?? '')
}

/** Guest token for the private client (client_credentials). */
export async function loginGuestPrivate(emulator: Emulator, extra: Params = {}) {
  return tokens(
    await post(
      emulator,
      '/token',
      { grant_type: 'client_credentials', channel_id: emulator.settings.siteIds[0], ...extra },
      { authorization: privateAuth(emulator) },
    ),
  )
}

/** JWT payload. */
export function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}

/** JWT header. */
export function jwtHeader(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}

/** Expected SLAS error: status + body fields (subset), both families present. */
export async function expectSlasError(
  response: Response,
  status: number,
  fields: Partial<Record<'error' | 'error_description' | 'status_code' | 'message', string>> = {},
): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = (await response.json()) as Record<string, unknown>
  expect(body).toMatchObject(fields)
  expect(typeof body.error).toBe('string')
  expect(typeof body.error_description).toBe('string')
  expect(typeof body.message).toBe('string')
  expect(body.status_code).toMatch(new RegExp(`^${status} [A-Z_]+$`))
  return body
}

/** GET /userinfo with a bearer token: a cheap "is this access token accepted?" probe. */
export function userinfo(emulator: Emulator, accessToken: string) {
  return get(emulator, '/userinfo', {}, { authorization: `Bearer ${accessToken}` })
}

/** A fixed base clock (epoch ms, on a minute boundary) for exact-boundary tests. */
export const T0 = 1_750_000_020_000
/** Options that pin the base clock to {@link T0}. */
export const FIXED_CLOCK = { now: () => T0 }
