/**
 * A `typeof fetch` built on ofetch, for apps that already route their HTTP through it (hooks,
 * keep-alive agents in Node). It behaves exactly like `fetch`: retry policy lives in the machines.
 *
 * @module
 */
import { createFetch, type FetchOptions } from 'ofetch'

/** What an ofetch hook is given: the request, its options, and the answer or failure so far. */
export interface OfetchHookContext {
  request: RequestInfo | URL
  options: object
  response?: Response
  error?: Error
}

/** An ofetch hook (`onRequest`, `onResponse`, …): one function or several, run in turn. */
export type OfetchHook =
  | ((context: OfetchHookContext) => void | Promise<void>)
  | Array<(context: OfetchHookContext) => void | Promise<void>>

/**
 * The ofetch options an app may add: its hooks, headers and timeout. Spelled out here rather than
 * taken from ofetch's `FetchOptions`, whose declarations import `undici` types an app may not
 * have (a test keeps this a subset of ofetch's options).
 */
export interface OfetchDefaults {
  onRequest?: OfetchHook
  onRequestError?: OfetchHook
  onResponse?: OfetchHook
  onResponseError?: OfetchHook
  headers?: HeadersInit
  /** ofetch's own deadline (ms). */
  timeout?: number
}

/** Options of {@link createOfetchFetch}. */
export interface OfetchFetchOptions {
  /** The fetch ofetch calls underneath; default: `globalThis.fetch`, read at call time. */
  fetch?: typeof fetch
  /** Extra ofetch options (hooks such as `onResponse`); retry and error options are fixed. */
  defaults?: OfetchDefaults
}

/**
 * A drop-in `typeof fetch` on `ofetch.raw`: it returns the real `Response` (status, headers such as
 * `Location` on a manual redirect, and an unread body), never throws for 4xx/5xx, never retries,
 * and passes `method`, headers, body, `redirect` and `signal` through unchanged. A failed request
 * rejects with the underlying error (e.g. the `AbortError`), not an ofetch `FetchError`.
 *
 * @example
 * ```ts
 * import { createOfetchFetch } from 'shopper-session/adapters/fetch/ofetch'
 * const config = { ...slasConfig, fetch: createOfetchFetch() }
 * ```
 */
export function createOfetchFetch(options: OfetchFetchOptions = {}): typeof fetch {
  const base: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const $fetch = createFetch({ fetch: base })
  return async (input, init = {}) => {
    const request = typeof input === 'string' || input instanceof URL ? String(input) : input
    const fromRequest = typeof request === 'string' ? undefined : request.headers
    const headers = new Headers(init.headers ?? fromRequest)
    if (typeof init.body === 'string') {
      // ofetch treats a string body as JSON and would add JSON content-type/accept headers; these
      // are what fetch itself sends for a string body, so the request stays byte-for-byte the same.
      if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8')
      if (!headers.has('accept')) headers.set('accept', '*/*')
    }
    return $fetch.raw(request, {
      ...(options.defaults as FetchOptions<'stream'> | undefined),
      ...(init as FetchOptions<'stream'>),
      headers,
      retry: 0,
      ignoreResponseError: true,
      // 'stream' leaves the body unread for the caller.
      responseType: 'stream',
      onRequestError: ({ error }) => {
        // Reject with the original failure (AbortError, TimeoutError, TypeError), as fetch does.
        throw error
      },
    })
  }
}
