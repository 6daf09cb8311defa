/**
 * Server hooks in the spirit of SCAPI hooks, per operationId (any module: SLAS, Shopper
 * Customers, Shopper Baskets): `before` may answer instead of the operation (veto), `after`
 * observes a successful state change, `modifyResponse` may replace a 2xx JSON body.
 *
 * A hook that throws (or rejects) makes the call answer the module's 500, as SCAPI does for hook
 * errors. `before` runs before the operation touches any state, so a throwing or vetoing `before`
 * leaves the state as it was; `after` and `modifyResponse` run once the change is made.
 *
 * @example
 * ```ts
 * const emulator = createEmulator({
 *   hooks: {
 *     registerCustomer: {
 *       before: (ctx) => {
 *         const customer = (ctx.body as { customer?: { c_terms?: boolean } } | undefined)?.customer
 *         if (customer?.c_terms !== true) {
 *           return Response.json(
 *             { type: 'https://example.com/errors/terms', title: 'Terms', detail: 'Accept the terms.' },
 *             { status: 400, headers: { 'content-type': 'application/problem+json' } },
 *           )
 *         }
 *       },
 *       after: (ctx, result) => sendWelcomeEmail(result.body),
 *     },
 *     getBasket: { modifyResponse: (ctx, body) => ({ ...(body as object), c_loyaltyTier: 'gold' }) },
 *   },
 * })
 * ```
 * @module
 */
import type { EmulatorCore } from './core.ts'
import { mediaType } from './http.ts'
import type { RequestContext } from './router.ts'
import { verifyBearer } from './verify.ts'

/** The customer of a verified bearer token. */
export interface HookCustomer {
  /** `gcid` for guests, `rcid` for registered shoppers. */
  customerId: string
  kind: 'guest' | 'registered'
  usid: string
  /** The guest customer id of the usid (also present on registered tokens). */
  guestCustomerId: string
  /** Registered shoppers' login. */
  login: string | undefined
}

/** What every hook of a call gets (read once per call, shared by its hooks). */
export interface HookContext {
  /** operationId, e.g. `registerCustomer`, `getBasket`, `getAccessToken`. */
  readonly operation: string
  readonly method: string
  readonly url: URL
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>
  /** Request headers (a copy). */
  readonly headers: Headers
  /** The parsed JSON body; `undefined` when there is none or it is not JSON. */
  readonly body: unknown
  /** The form body (`application/x-www-form-urlencoded`), if any. */
  readonly form: URLSearchParams | undefined
  /** The customer of the `Authorization: Bearer` token, when it verifies. */
  readonly customer: HookCustomer | undefined
  /** Emulator time (epoch ms) when the call arrived at the hooks. */
  readonly now: number
}

/** What `after` sees of the operation's answer. */
export interface HookResult {
  status: number
  headers: Headers
  /** The parsed JSON body; `undefined` for no body (204, redirects) or non-JSON bodies. */
  body: unknown
}

/** The hooks of one operation. */
export interface OperationHooks {
  /**
   * Runs before the operation. Return a `Response` to answer it instead (the operation does not
   * run), or nothing to continue.
   */
  before?(ctx: HookContext): Response | undefined | void | Promise<Response | undefined | void>
  /** Runs after a successful (status < 400) operation, before the answer leaves. */
  after?(ctx: HookContext, result: HookResult): void | Promise<void>
  /**
   * Runs on a 2xx JSON answer; return a new JSON body to send instead, or `undefined` to keep it.
   * Status and headers stay.
   */
  modifyResponse?(ctx: HookContext, body: unknown): unknown
}

/** `createEmulator({ hooks })`: operationId → hooks. */
export type EmulatorHooks = Readonly<Record<string, OperationHooks>>

const HOOK_NAMES = ['before', 'after', 'modifyResponse'] as const

/**
 * Checks `hooks` against the served operations; unknown operation names or non-function hooks
 * throw a `TypeError` (a typo would otherwise never fire). Returns a private copy.
 */
export function checkHooks(
  hooks: EmulatorHooks | undefined,
  operations: ReadonlySet<string>,
): ReadonlyMap<string, OperationHooks> {
  const checked = new Map<string, OperationHooks>()
  for (const [operation, entry] of Object.entries(hooks ?? {})) {
    if (!operations.has(operation)) {
      throw new TypeError(`createEmulator: hooks for unknown operation '${operation}'`)
    }
    if (typeof entry !== 'object' || entry === null) {
      throw new TypeError(`createEmulator: hooks.${operation} must be an object`)
    }
    const copy: OperationHooks = {}
    for (const [name, value] of Object.entries(entry)) {
      if (!(HOOK_NAMES as readonly string[]).includes(name)) {
        throw new TypeError(`createEmulator: unknown hook '${name}' for '${operation}'`)
      }
      if (value !== undefined && typeof value !== 'function') {
        throw new TypeError(`createEmulator: hooks.${operation}.${name} must be a function`)
      }
    }
    if (entry.before) copy.before = entry.before
    if (entry.after) copy.after = entry.after
    if (entry.modifyResponse) copy.modifyResponse = entry.modifyResponse
    checked.set(operation, copy)
  }
  return checked
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

async function hookCustomer(
  core: EmulatorCore,
  request: Request,
): Promise<HookCustomer | undefined> {
  const check = await verifyBearer(core, request)
  if (!check.ok) return undefined
  const { session } = check
  return {
    customerId: session.kind === 'guest' ? session.gcid : (session.rcid ?? session.gcid),
    kind: session.kind,
    usid: session.usid,
    guestCustomerId: session.gcid,
    login: session.login,
  }
}

/** Builds the hook context of a call (reads the cached body; verifies a bearer token if sent). */
export async function hookContext(ctx: RequestContext): Promise<HookContext> {
  const body = await ctx.body()
  const form = await ctx.form()
  const isForm = mediaType(ctx.request) === 'application/x-www-form-urlencoded'
  const hasBearer = /^bearer\s/i.test(ctx.request.headers.get('authorization') ?? '')
  return {
    operation: ctx.operation,
    method: ctx.request.method,
    url: new URL(ctx.url),
    params: { ...ctx.params },
    headers: new Headers(ctx.request.headers),
    body: body.ok && !isForm ? parseJson(body.text) : undefined,
    form: form.ok ? new URLSearchParams(form.params) : undefined,
    customer: hasBearer ? await hookCustomer(ctx.core, ctx.request) : undefined,
    now: ctx.core.clock.now(),
  }
}

/** The parsed JSON body of a response (a clone is read), or `undefined`. */
export async function responseJson(response: Response): Promise<unknown> {
  const type = (response.headers.get('content-type') ?? '').toLowerCase()
  if (!response.body || !/[/+]json\b/.test(type)) return undefined
  return parseJson(await response.clone().text())
}
