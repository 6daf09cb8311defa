/**
 * The remote session's HTTP client for the session endpoint: the CSRF header and JSON content
 * type the endpoint requires, a deadline per request, answers checked before use, refusals
 * turned back into `ShopperSessionError`s with the endpoint's code (and the state it sent).
 *
 * @module
 */
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../account/resetWire.ts'
import { ShopperSessionError } from '../errors.ts'
import { readRefusal } from '../scapi/endpointRefusal.ts'
import { mapFetchFailure } from '../scapi/fetchFailure.ts'
import { readState } from './state.ts'
import type { DehydratedSession, SessionEndpointBody, SessionTokenAnswer } from './wire.ts'

/** One call's outcome: the answer, or the error with the state the endpoint sent along. */
export type EndpointResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: ShopperSessionError; state: DehydratedSession | undefined }

/** What the endpoint answers per call. */
interface Answers {
  state: DehydratedSession
  token: SessionTokenAnswer
}

/** The calls of the session endpoint. */
export interface EndpointClient {
  /** `GET`: the session's state. */
  state(signal?: AbortSignal): Promise<EndpointResult<DehydratedSession>>
  /** `POST { action: 'token' }`: an access token and the state it belongs to. */
  token(force: boolean): Promise<EndpointResult<SessionTokenAnswer>>
  /** `POST` login, register or logout: the new state. */
  act(
    body: Exclude<SessionEndpointBody, { action: 'token' }>,
    signal?: AbortSignal,
  ): Promise<EndpointResult<DehydratedSession>>
}

/** Options of {@link createEndpointClient}. */
export interface EndpointClientOptions {
  endpoint: string | URL
  /** The endpoint's fetch, with its per-request deadline (a `TimeoutError` when it passes). */
  fetch: typeof fetch
  /** `fetch`'s `credentials` (`include` for an endpoint on another origin). */
  credentials: RequestCredentials
  /** Extra request headers (the client's own win on a clash). */
  headers: Record<string, string>
}

function readToken(value: unknown): SessionTokenAnswer | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { accessToken, expiresInMs, state } = value as Record<string, unknown>
  const read = readState(state)
  const lifetime = typeof expiresInMs === 'number' && Number.isFinite(expiresInMs)
  if (typeof accessToken !== 'string' || accessToken === '' || !lifetime || !read) return undefined
  return { accessToken, expiresInMs, state: read }
}

const READERS: { [K in keyof Answers]: (value: unknown) => Answers[K] | undefined } = {
  state: readState,
  token: readToken,
}

/** Creates the client (options already checked by the session). */
export function createEndpointClient(options: EndpointClientOptions): EndpointClient {
  const { endpoint, credentials } = options

  const send = async <K extends keyof Answers>(
    kind: K,
    operation: string,
    body: SessionEndpointBody | undefined,
    signal: AbortSignal | undefined,
  ): Promise<EndpointResult<Answers[K]>> => {
    let response: Response
    try {
      signal?.throwIfAborted()
      response = await options.fetch(endpoint, {
        method: body === undefined ? 'GET' : 'POST',
        credentials,
        cache: 'no-store',
        headers: {
          ...options.headers,
          accept: 'application/json',
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal === undefined ? {} : { signal }),
      })
    } catch (error) {
      return { ok: false, error: mapFetchFailure(operation, error, signal), state: undefined }
    }
    if (response.status < 200 || response.status > 299) {
      const { error, body: problem } = await readRefusal(operation, response, signal)
      const state =
        typeof problem === 'object' && problem !== null
          ? readState((problem as { state?: unknown }).state)
          : undefined
      return { ok: false, error, state }
    }
    let value: Answers[K] | undefined
    try {
      value = READERS[kind](await response.json()) as Answers[K] | undefined
    } catch (error) {
      // The deadline or the caller's signal cut the body short; anything else is not JSON.
      const failure = mapFetchFailure(operation, error, signal)
      if (failure.code !== 'network') return { ok: false, error: failure, state: undefined }
    }
    if (value === undefined) {
      const message = `${operation} failed: the session endpoint's answer is not a session ${kind}`
      const error = new ShopperSessionError('invalid_response', message, {
        operation,
        status: response.status,
      })
      return { ok: false, error, state: undefined }
    }
    return { ok: true, value }
  }

  return {
    state: (signal) => send('state', 'sessionEndpoint.state', undefined, signal),
    token: (force) =>
      send(
        'token',
        'sessionEndpoint.token',
        { action: 'token', ...(force ? { force } : {}) },
        undefined,
      ),
    act: (body, signal) => send('state', `sessionEndpoint.${body.action}`, body, signal),
  }
}
