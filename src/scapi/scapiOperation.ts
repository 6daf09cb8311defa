/**
 * The one request path every Shopper Customers and Shopper Baskets operation takes: resolve the
 * config, check the parameters (`invalid_config`) and the body (`bad_request`) before anything is
 * sent, build the URL (`siteId` always), send with the caller's Bearer token and read the answer.
 * Operations are declared as a route plus a spec ({@link shopperApi}), so none repeats this code.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type HttpMethod,
  type HttpRequest,
  readJson,
  readNothing,
  runOperation,
  sendTo,
} from './http.ts'
import { SHOPPER_TAGS } from './errorMapping.ts'
import { scapiUrl, type ShopperApi } from './scapiUrl.ts'
import { issueDetails } from './issueDetails.ts'
import { type CallOptions, headerText, parseParams } from './params.ts'
import {
  type ResolvedScapiConfig,
  resolveScapiConfig,
  type ScapiClientConfig,
} from './scapiConfig.ts'

/** The parameters every Shopper operation takes: the token it is called with. */
export interface TokenParams {
  /** The Bearer token: a SLAS shopper JWT, or an Account Manager token where the spec says so. */
  accessToken: string
}

// An operation's parameter schema: `shape` plus the access token.
function tokenParams<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.object({ accessToken: headerText(8192), ...shape })
}

/**
 * A path parameter of 1..`max` characters. `.` and `..` are refused: URL parsing would resolve
 * them (even percent-encoded) and send the call to another resource.
 */
export const pathParam = (max: number) =>
  z.string().check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(max),
    z.refine((value) => value !== '.' && value !== '..', 'must not be "." or ".."'),
  )

/** Turns a 2xx answer into the operation's result; anything else into its error. */
export type ResponseReader<R> = (
  request: Pick<HttpRequest, 'operation' | 'signal' | 'api'>,
  response: Response,
) => Promise<R>

/** A JSON answer validated against `schema`. */
export function jsonBody<S extends z.ZodMiniType>(schema: S): ResponseReader<z.output<S>> {
  return (request, response) =>
    readJson(request, response, schema, { details: issueDetails, tags: SHOPPER_TAGS })
}

/** An answer whose body nobody reads (204); any 2xx is success. */
export const noContent: ResponseReader<undefined> = async (request, response) => {
  await readNothing(request, response, SHOPPER_TAGS)
  return undefined
}

/** A JSON answer validated against `schema`, or `undefined` for a 204. */
export function jsonOrNoContent<S extends z.ZodMiniType>(
  schema: S,
): ResponseReader<z.output<S> | undefined> {
  return (request, response) =>
    response.status === 204 ? noContent(request, response) : jsonBody(schema)(request, response)
}

/** The `{placeholders}` of a route, e.g. `customerId` for `/customers/{customerId}`. */
export type PathNames<Route extends string> = Route extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathNames<Rest>
  : never

/** What a route's path parameters look like to a caller. */
export type PathParams<Route extends string> = { [Name in PathNames<Route>]: string }

/** `{ body }` for an operation with a body schema, nothing otherwise. */
export type BodyParam<B> = B extends z.ZodMiniType ? { body: z.input<B> } : unknown

/** Everything an operation is called with: token, path and query parameters, body. */
export type OperationParams<
  Route extends string,
  Q extends z.core.$ZodLooseShape,
  B,
> = TokenParams & PathParams<Route> & z.input<z.ZodMiniObject<Q>> & BodyParam<B>

/** What an operation adds to its route: query parameters, path limits, body, answer. */
export interface OperationSpec<Route extends string, Q extends z.core.$ZodLooseShape, B, R> {
  /** Query parameters besides `siteId`; arrays are sent comma separated. */
  query?: Q
  /** Path parameters with a tighter limit than the default 1..1024 characters. */
  pathLimits?: Partial<Record<PathNames<Route>, z.ZodMiniType<string>>>
  /** The request body's schema, for operations that send one (read from `params.body`). */
  body?: B
  /** Reads the answer. */
  response: ResponseReader<R>
}

/** A Shopper operation: the config, its parameters, per-call options. */
export type ScapiOperation<P, R> = (
  config: ScapiClientConfig,
  params: P,
  options?: CallOptions,
) => Promise<R>

function queryValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(String).join(',')
  return value === undefined ? undefined : String(value)
}

const ROUTE = /^(GET|POST|PUT|PATCH|DELETE) (\/[^?#\s]*)$/
const PLACEHOLDER = /^\{(\w+)\}$/

/**
 * Declares the operations of one Shopper API. Each operation is a route such as
 * `GET /customers/{customerId}/addresses/{addressName}` plus an {@link OperationSpec}; the result
 * checks the config, the token, the path and query parameters (`invalid_config`) and the body
 * (`bad_request`) before sending, and lets only a `ShopperSessionError` escape.
 *
 * @example
 * ```ts
 * const customers = shopperApi('customers')
 * export const getCustomer = customers('getCustomer', 'GET /customers/{customerId}', {
 *   response: jsonBody(CustomerSchema),
 * })
 * ```
 */
export function shopperApi(api: ShopperApi) {
  return function defineOperation<
    Route extends string,
    R,
    Q extends z.core.$ZodLooseShape = Record<never, z.ZodMiniType>,
    B extends z.ZodMiniType | undefined = undefined,
  >(
    operation: string,
    route: Route,
    spec: OperationSpec<Route, Q, B, R>,
  ): ScapiOperation<OperationParams<Route, Q, B>, R> {
    const match = ROUTE.exec(route)
    if (match === null) throw new TypeError(`${operation}: bad route ${route}`)
    const method = match[1] as HttpMethod
    const template = (match[2] ?? '')
      .slice(1)
      .split('/')
      .map((segment) => ({ segment, name: PLACEHOLDER.exec(segment)?.[1] }))
    const limits: Partial<Record<string, z.ZodMiniType<string>>> = spec.pathLimits ?? {}
    const pathShape: Record<string, z.ZodMiniType<string>> = {}
    for (const { name } of template) {
      if (name !== undefined) pathShape[name] = limits[name] ?? pathParam(1024)
    }
    const query = spec.query ?? {}
    const paramsSchema = tokenParams({ ...pathShape, ...query })
    const body: z.ZodMiniType | undefined = spec.body
    // Checked under a `body` key so a failure names the field as `body.customer.email`.
    const bodySchema = body === undefined ? undefined : z.object({ body })
    return (config, params, options = {}) =>
      runOperation(operation, options.signal, async () => {
        const scapi = resolveScapiConfig(config)
        const p: Record<string, unknown> = parseParams(
          operation,
          paramsSchema,
          params,
          undefined,
          issueDetails,
        )
        const raw = { body: (params as { body?: unknown } | undefined)?.body }
        const json =
          bodySchema === undefined
            ? undefined
            : parseParams(operation, bodySchema, raw, 'bad_request', issueDetails).body
        const path = template.map(({ segment, name }) =>
          name === undefined ? segment : String(p[name]),
        )
        const queryValues: Record<string, string | undefined> = {}
        for (const key of Object.keys(query)) queryValues[key] = queryValue(p[key])
        const url = scapiUrl(scapi, api, path, queryValues)
        const headers = { authorization: `Bearer ${String(p.accessToken)}` }
        const request = { operation, api, method, json, headers, signal: options.signal }
        return spec.response(request, await sendTo(scapi, url, request))
      })
  }
}
