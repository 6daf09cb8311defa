/**
 * SLAS client checks: lookup, site (`channel_id`) check, the three client-authentication styles
 * (Basic on token-style endpoints, `x-slas-client-auth` on /login and /authorize, none for public
 * clients), redirect URIs, and the mapping of body problems to SLAS errors.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { basicCredentials, decodeBasicValue, type FormResult } from '../http.ts'
import type { EmulatorClient } from '../options.ts'
import { slasError } from '../slasErrors.ts'
import { redirectURIMatches } from '../wildcard.ts'
import { readParams, RULES } from './params.ts'

/** The client with this id. */
export function findClient(
  core: EmulatorCore,
  clientId: string | undefined,
): EmulatorClient | undefined {
  return clientId === undefined
    ? undefined
    : core.settings.clients.all.find((client) => client.clientId === clientId)
}

/** Whether `siteId` is a configured site. */
export function knownSite(core: EmulatorCore, siteId: string | undefined): siteId is string {
  return siteId !== undefined && core.settings.siteIds.includes(siteId)
}

/** Whether `uri` matches one of the client's registered redirect URIs. */
export function redirectAllowed(client: EmulatorClient, uri: string): boolean {
  return client.redirectURIs.some((pattern) => redirectURIMatches(pattern, uri))
}

/** The SLAS answer to a form that could not be read. */
export function formProblem(form: Extract<FormResult, { ok: false }>): Response {
  if (form.reason === 'contentType') return slasError('badContentType')
  if (form.reason === 'tooLarge') return slasError('payloadTooLarge', { connection: 'close' })
  return slasError('badParameters')
}

/**
 * `x-slas-client-auth: base64(clientId:secret)` on /login and /authorize: required with Strict
 * Client Auth, checked when a private client sends it, ignored for public clients.
 */
export function checkSlasClientAuth(
  request: Request,
  client: EmulatorClient,
): Response | undefined {
  if (client.type === 'public') return undefined
  const header = request.headers.get('x-slas-client-auth')
  if (header === null) return client.strictClientAuth ? slasError('authorizationFailed') : undefined
  const credentials = decodeBasicValue(header)
  const ok = credentials?.user === client.clientId && credentials.password === client.secret
  return ok ? undefined : slasError('authorizationFailed')
}

/** The client and redirect URI of a code request, or the answer refusing it. */
export type CodeRequestClient =
  | { ok: true; client: EmulatorClient; redirectURI: string }
  | { ok: false; response: Response }

/**
 * The common start of /authorize and /login: a known `client_id`, its `x-slas-client-auth`, and a
 * `redirect_uri` registered on it, checked in the order SLAS reports them.
 */
export function codeRequestClient(
  core: EmulatorCore,
  request: Request,
  params: URLSearchParams,
): CodeRequestClient {
  const id = readParams(params, { client_id: RULES.clientId })
  const client = id.ok ? findClient(core, id.values.client_id) : undefined
  if (!client) return { ok: false, response: slasError('badClientId') }
  const clientAuth = checkSlasClientAuth(request, client)
  if (clientAuth) return { ok: false, response: clientAuth }
  const redirect = readParams(params, { redirect_uri: RULES.redirectURI })
  if (!redirect.ok || !redirectAllowed(client, redirect.values.redirect_uri)) {
    return { ok: false, response: slasError('badRedirectUri') }
  }
  return { ok: true, client, redirectURI: redirect.values.redirect_uri }
}

/** A client identified on a token-style endpoint. */
export type TokenClient =
  { ok: true; client: EmulatorClient; authenticated: boolean } | { ok: false; response: Response }

/**
 * Identifies the client on /token: Basic client credentials when sent (they must be right and
 * agree with a body `client_id`), else the body `client_id`, which must be a public client
 * (private clients always authenticate).
 */
export function tokenClient(
  core: EmulatorCore,
  request: Request,
  bodyClientId: string | undefined,
): TokenClient {
  const hasAuthorization = request.headers.has('authorization')
  const basic = basicCredentials(request)
  if (basic) {
    const client = findClient(core, basic.user)
    const ok =
      client?.type === 'private' &&
      client.secret === basic.password &&
      (bodyClientId === undefined || bodyClientId === client.clientId)
    return ok
      ? { ok: true, client, authenticated: true }
      : { ok: false, response: slasError('basicAuthFailed') }
  }
  // A header that is there but not Basic (or not decodable) is a failed client authentication.
  if (hasAuthorization && /^basic\b/i.test(request.headers.get('authorization') ?? '')) {
    return { ok: false, response: slasError('basicAuthFailed') }
  }
  const client = findClient(core, bodyClientId)
  if (!client) return { ok: false, response: slasError('badClientId') }
  if (client.type === 'private') return { ok: false, response: slasError('basicAuthFailed') }
  return { ok: true, client, authenticated: false }
}

/** {@link tokenClient} for a form body: reads its optional `client_id` first. */
export function tokenClientOfForm(
  core: EmulatorCore,
  request: Request,
  body: URLSearchParams,
): TokenClient {
  const id = readParams(body, { client_id: { max: 40 } })
  if (!id.ok) return { ok: false, response: slasError('badClientId') }
  return tokenClient(core, request, id.values.client_id)
}

/** Basic auth of a private client, required (revoke, introspect, trusted system). */
export function privateClient(core: EmulatorCore, request: Request): TokenClient {
  const basic = basicCredentials(request)
  const client = findClient(core, basic?.user)
  if (!basic || !client || client.type !== 'private' || client.secret !== basic.password) {
    return { ok: false, response: slasError('basicAuthFailed') }
  }
  return { ok: true, client, authenticated: true }
}
