/**
 * What every SLAS operation shares: call options, parameter validation, client authentication
 * headers and small value formats.
 *
 * @module
 */
import * as z from 'zod/mini'
import { ShopperSessionError } from '../../errors.ts'
import type { ResolvedSlasConfig } from '../config.ts'
import { bool } from '../checks.ts'
import { stringRecord } from '../configFields.ts'
import { basicCredentials } from '../encoding.ts'

export { type CallOptions, headerText, parseParams, text } from '../params.ts'

/** The parameters of an operation that takes none. */
export type NoParams = Record<string, never>

/** Optional `dnt` (Do Not Track) flag. */
export const dnt = z.optional(bool())

/** `c_*` custom parameters passed to B2C hooks. */
export const customParameters = z.optional(
  stringRecord((key, value) =>
    !/^c_\w+$/.test(key)
      ? 'must start with c_'
      : value.length > 1024
        ? 'must be at most 1024 characters'
        : undefined,
  ),
)

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
