/**
 * What every SLAS operation shares: call options, parameter validation, client authentication
 * headers and small value formats.
 *
 * @module
 */
import * as z from 'zod/mini'
import { ShopperSessionError } from '../../errors.ts'
import type { ResolvedSlasConfig } from '../config.ts'
import { basicCredentials } from '../encoding.ts'
import { describeFirstIssue } from '../issues.ts'

/** Per-call options of every SLAS operation. */
export interface CallOptions {
  /** Aborts the request (leaving a machine state aborts its call). */
  signal?: AbortSignal
}

/** The parameters of an operation that takes none. */
export type NoParams = Record<string, never>

// Header values may not carry control characters: fetch would throw with the value in its message.
const HEADER_SAFE = /^[^\0-\x1f\x7f]*$/

/** A required string of 1..`max` characters. */
export const text = (max: number) =>
  z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max))

/** A required string of 1..`max` characters that can travel in an HTTP header. */
export const headerText = (max: number) =>
  text(max).check(
    z.refine((value) => HEADER_SAFE.test(value), 'must not contain control characters'),
  )

/** Optional `dnt` (Do Not Track) flag. */
export const dnt = z.optional(z.boolean())

/** `c_*` custom parameters passed to B2C hooks. */
export const customParameters = z.optional(
  z.record(
    z.string().check(z.regex(/^c_\w+$/, 'must start with c_')),
    z.string().check(z.maxLength(1024)),
  ),
)

/** Validates an operation's parameters into `invalid_config` naming the field. */
export function parseParams<S extends z.ZodMiniType>(
  operation: string,
  schema: S,
  params: unknown,
): z.output<S> {
  const result = schema.safeParse(params ?? {})
  if (result.success) return result.data
  throw new ShopperSessionError(
    'invalid_config',
    `${operation}: ${describeFirstIssue(result.error.issues, params)}`,
    { operation },
  )
}

/** `'true'`/`'false'` as SLAS expects, or nothing. */
export function formatDnt(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value)
}

/** Throws `invalid_config` unless the client is private (has a secret). */
export function requireSecret(config: ResolvedSlasConfig, operation: string): string {
  if (config.clientSecret === undefined) {
    throw new ShopperSessionError(
      'invalid_config',
      `${operation}: needs clientSecret (private SLAS clients only)`,
      { operation },
    )
  }
  return config.clientSecret
}

/** `Authorization: Basic base64(clientId:clientSecret)` for private clients, else nothing. */
export function clientAuthorization(config: ResolvedSlasConfig): string | undefined {
  return config.clientSecret === undefined
    ? undefined
    : `Basic ${basicCredentials(config.clientId, config.clientSecret)}`
}

/** `x-slas-client-auth` (no `Basic ` prefix) when strict client auth is on, else nothing. */
export function strictClientAuth(config: ResolvedSlasConfig): Record<string, string> {
  if (!config.strictClientAuth || config.clientSecret === undefined) return {}
  return { 'x-slas-client-auth': basicCredentials(config.clientId, config.clientSecret) }
}
