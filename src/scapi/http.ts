/**
 * The small request core every operation uses (SLAS, Shopper Customers, Shopper Baskets, Account
 * Manager): form and JSON bodies, the caller's abort signal, error mapping, safe JSON parsing and
 * validation (zod schemas, or plain field rules on the browser session's path), plus the SLAS
 * URLs. Nothing but a {@link ShopperSessionError} ever leaves it.
 *
 * @module
 */
import type { $ZodType, output } from 'zod/v4/core'
import { ShopperSessionError } from '../errors.ts'
import type { ResolvedSlasConfig } from './config.ts'
import { type ApiName, type ErrorTags, mapClientError, mapFetchFailure } from './errorMapping.ts'
import { type IssueDetails, parseOrThrow } from './issues.ts'
import { operationError } from './operationError.ts'
import { checkRecord, type FieldRules } from '../validation/objects.ts'

/** What sending needs from a config; the SLAS, SCAPI and Account Manager configs have it. */
export interface Transport {
  /** The fetch to call. */
  fetch: typeof fetch
  /** Headers sent with every request; the request's own headers win on a clash. */
  headers: Record<string, string>
  /** Redirect mode; left to fetch's default (`follow`) when absent. */
  redirect?: 'manual' | 'follow'
}

/** The HTTP methods the clients use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One request of any API, before it becomes a `fetch` call (its URL is built by the caller). */
export interface HttpRequest {
  /** The operationId, used in error messages and the error mapping. */
  operation: string
  /** The API called; operationIds are unique only within one API (see the error mapping). */
  api?: ApiName
  method: HttpMethod
  /** Form body (`application/x-www-form-urlencoded`); `undefined` values are left out. */
  form?: Record<string, string | undefined>
  /** JSON body (`application/json`); ignored when `form` is set. */
  json?: unknown
  /** Request headers; `undefined` values are left out. They win over the config's headers. */
  headers?: Record<string, string | undefined>
  signal?: AbortSignal | undefined
}

/** One SLAS request: a path below `/oauth2/` and its query. */
export interface SlasRequest extends HttpRequest {
  method: 'GET' | 'POST'
  /** Path after `/oauth2/`, e.g. `token`. */
  path: string
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | undefined>
}

/** The `[name, value]` pairs of `record` whose value is defined, in order. */
export function defined(
  record: Record<string, string | undefined> | undefined,
): [string, string][] {
  return Object.entries(record ?? {}).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  )
}

/**
 * `{baseUrl}/shopper/auth/v1/organizations/{organizationId}/oauth2/{path}` with `query`.
 *
 * @example
 * ```ts
 * slasUrl(config, 'token').href
 * // 'https://kv7kzm78.api.commercecloud.salesforce.com/shopper/auth/v1/organizations/
 * //  f_ecom_zzxy_prd/oauth2/token'
 * ```
 */
export function slasUrl(
  config: ResolvedSlasConfig,
  path: string,
  query?: Record<string, string | undefined>,
): URL {
  // The resolved organizationId matches `f_ecom_[a-z]{4}_...`: nothing in it needs encoding.
  const url = new URL(
    `${config.baseUrl}/shopper/auth/v1/organizations/${config.organizationId}/oauth2/${path}`,
  )
  // Serialized as `searchParams.append` would; no query leaves no `?`.
  url.search = new URLSearchParams(defined(query)).toString()
  return url
}

/** `invalid_response` for `operation`: `{operation} failed: {reason}`. */
export function failed(operation: string, reason: string, status?: number): ShopperSessionError {
  return operationError('invalid_response', operation, ` failed: ${reason}`, status)
}

/** Sends `request` to `url` and returns the raw answer, whatever its status. */
export async function sendTo(
  transport: Transport,
  url: URL,
  request: HttpRequest,
): Promise<Response> {
  const { operation, signal, form, json } = request
  const headers = { ...transport.headers, ...Object.fromEntries(defined(request.headers)) }
  const body = form
    ? new URLSearchParams(defined(form)).toString()
    : json === undefined
      ? undefined
      : JSON.stringify(json)
  if (body !== undefined) {
    headers['content-type'] = form ? 'application/x-www-form-urlencoded' : 'application/json'
  }
  let response: Partial<Response> | null | undefined
  try {
    signal?.throwIfAborted()
    // fetch reads an undefined `redirect` or `signal` as not given.
    response = await transport.fetch(url.href, {
      method: request.method,
      headers,
      body,
      redirect: transport.redirect,
      signal,
    })
  } catch (error) {
    throw mapFetchFailure(operation, error, signal)
  }
  // A custom fetch may return anything; the answer must at least look like a Response.
  if (
    typeof response?.status !== 'number' ||
    typeof response.text !== 'function' ||
    typeof response.headers?.get !== 'function'
  ) {
    throw failed(operation, 'fetch returned no Response')
  }
  return response as Response
}

/**
 * Sends a SLAS `request` and returns the raw answer, whatever its status. The SLAS config always
 * carries an explicit `redirect`: 'manual' lets Node see SLAS's 303s (and /logout's rate-limit
 * 303) instead of silently following them.
 */
export function send(config: ResolvedSlasConfig, request: SlasRequest): Promise<Response> {
  return sendTo(config, slasUrl(config, request.path, request.query), request)
}

/** The body as text; a failure while reading (abort, reset) maps like a fetch failure. */
export async function readText(
  operation: string,
  response: Response,
  signal?: AbortSignal,
): Promise<string> {
  try {
    return await response.text()
  } catch (error) {
    throw mapFetchFailure(operation, error, signal)
  }
}

/** True for a 2xx status. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299
}

/**
 * Reads a failed answer's body and maps it to its error (`api`: which API answered; `tags`: the
 * error slugs of the caller's operations, see `mapClientError`).
 */
export async function errorFromResponse(
  operation: string,
  response: Response,
  signal?: AbortSignal,
  api?: ApiName,
  tags?: ErrorTags,
): Promise<ShopperSessionError> {
  let body = ''
  try {
    body = await readText(operation, response, signal)
  } catch (error) {
    // An unreadable error body still maps by status, unless the caller gave up meanwhile.
    if (signal?.aborted) return error as ShopperSessionError
  }
  const { status, headers } = response
  if (status === 0) {
    return failed(operation, "opaque response (status 0); in a browser use redirect: 'follow'", 0)
  }
  return mapClientError({ operation, status, headers, body, api }, tags)
}

/**
 * Reads an answer nobody reads the body of (204, or one the caller ignores): any 2xx is success
 * and the body is drained so the connection is released; anything else is its mapped error.
 */
export async function readNothing(
  request: Pick<HttpRequest, 'operation' | 'signal' | 'api'>,
  response: Response,
  tags?: ErrorTags,
): Promise<void> {
  const { operation, signal, api } = request
  if (!isSuccess(response.status)) {
    throw await errorFromResponse(operation, response, signal, api, tags)
  }
  await readText(operation, response, signal)
}

/** Sends `request` to `url` and reads its answer with {@link readNothing}. */
export async function sendUnread(
  transport: Transport,
  url: URL,
  request: HttpRequest,
  tags?: ErrorTags,
): Promise<void> {
  await readNothing(request, await sendTo(transport, url, request), tags)
}

/** Options for {@link requestJson}. */
export interface JsonOptions {
  /** Accept an empty 2xx body, validated as `{}` (for answers nobody reads, e.g. logout). */
  allowEmpty?: boolean
  /** Words the issues of zod's own kinds in the schema (see `parseOrThrow`). */
  details?: IssueDetails
  /** The error slugs of the caller's operations (see `errorFromResponse`). */
  tags?: ErrorTags
}

/** Sends a SLAS `request`, then reads its answer with {@link readJson}. */
export async function requestJson<S extends $ZodType>(
  config: ResolvedSlasConfig,
  request: SlasRequest,
  schema: S,
  options: JsonOptions = {},
): Promise<output<S>> {
  return readJson({ ...request, api: 'slas' }, await send(config, request), schema, options)
}

/**
 * Maps a non-2xx `response`, else parses its JSON body and validates it against `schema`; a
 * mismatch names the first bad field, never its value.
 */
export async function readJson<S extends $ZodType>(
  request: Pick<HttpRequest, 'operation' | 'signal' | 'api'>,
  response: Response,
  schema: S,
  options: JsonOptions = {},
): Promise<output<S>> {
  const json = await readJsonBody(request, response, options)
  return parseOrThrow(schema, json, unexpectedBody(request.operation), options.details)
}

/** Sends a SLAS `request`, then reads its answer with {@link readRecord}. */
export async function requestRecord<T>(
  config: ResolvedSlasConfig,
  request: SlasRequest,
  rules: FieldRules<T>,
  options: Omit<JsonOptions, 'details'> = {},
): Promise<T> {
  return readRecord({ ...request, api: 'slas' }, await send(config, request), rules, options)
}

/**
 * {@link readJson} with plain field rules instead of a zod schema (the browser session's path):
 * the answer's fields that `rules` name, once all pass; a mismatch names the first bad field,
 * worded as {@link readJson} words it, never its value.
 */
export async function readRecord<T>(
  request: Pick<HttpRequest, 'operation' | 'signal' | 'api'>,
  response: Response,
  rules: FieldRules<T>,
  options: Omit<JsonOptions, 'details'> = {},
): Promise<T> {
  const json = await readJsonBody(request, response, options)
  return checkRecord(rules, json, unexpectedBody(request.operation))
}

/** Maps a non-2xx `response`, else parses its JSON body (an allowed empty one as `{}`). */
async function readJsonBody(
  request: Pick<HttpRequest, 'operation' | 'signal' | 'api'>,
  response: Response,
  options: Pick<JsonOptions, 'allowEmpty' | 'tags'>,
): Promise<unknown> {
  const { operation, signal, api } = request
  const { status } = response
  if (!isSuccess(status)) {
    throw await errorFromResponse(operation, response, signal, api, options.tags)
  }
  const text = await readText(operation, response, signal)
  try {
    return options.allowEmpty && !text.trim() ? {} : JSON.parse(text)
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the start of the text in its message.
    const reason = ` returned a body that is not JSON (status ${status})`
    throw operationError('invalid_response', operation, reason, status)
  }
}

/** The `invalid_response` for a refused body: `{operation} returned an unexpected body: …`. */
function unexpectedBody(operation: string): (issue: string) => ShopperSessionError {
  return (issue) =>
    operationError('invalid_response', operation, ` returned an unexpected body: ${issue}`)
}

/**
 * Runs one operation and guarantees that only a {@link ShopperSessionError} escapes: anything else
 * (a broken custom fetch, a bug) becomes `aborted`/`timeout` when it is one, else
 * `invalid_response`.
 */
export async function runOperation<T>(
  operation: string,
  signal: AbortSignal | undefined,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body()
  } catch (error) {
    if (error instanceof ShopperSessionError) throw error
    const mapped = mapFetchFailure(operation, error, signal)
    if (mapped.code !== 'network') throw mapped
    throw new ShopperSessionError(
      'invalid_response',
      mapped.message.replace('network error', 'unexpected failure'),
      { operation },
    )
  }
}
