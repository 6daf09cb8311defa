/**
 * What every public SLAS operation shares: call options, parameter validation, the private-client
 * check and small value formats (the client authentication headers are `clientAuth.ts`).
 *
 * @module
 */
import * as z from 'zod/mini'
import { bool } from '../checks.ts'
import { type ResolvedSlasConfig, resolveSlasConfig, type SlasClientConfig } from '../config.ts'
import { stringRecord } from '../configFields.ts'
import { runOperation } from '../http.ts'
import { operationError } from '../operationError.ts'
import { type CallOptions, parseParams } from '../params.ts'

export { type CallOptions, headerText, parseParams, text } from '../params.ts'

/** What an operation's request starts from: its name and the caller's signal. */
export interface OperationCall {
  operation: string
  signal: AbortSignal | undefined
}

/**
 * Runs a SLAS operation the way every one runs: only a ShopperSessionError escapes, the config is
 * resolved, `params` are checked against `schema` (`invalid_config` naming the field), then `run`
 * sends the request it builds from them.
 */
export function slasOperation<S extends z.ZodMiniType, T>(
  operation: string,
  config: SlasClientConfig,
  schema: S,
  params: unknown,
  options: CallOptions | undefined,
  run: (slas: ResolvedSlasConfig, params: z.output<S>, call: OperationCall) => Promise<T>,
): Promise<T> {
  const signal = options?.signal
  return runOperation(operation, signal, async () => {
    const slas = resolveSlasConfig(config)
    return run(slas, parseParams(operation, schema, params), { operation, signal })
  })
}

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

/** Throws `invalid_config` unless the client is private (has a secret). */
export function requireSecret(config: ResolvedSlasConfig, operation: string): void {
  if (config.clientSecret === undefined) {
    const reason = ': needs clientSecret (private SLAS clients only)'
    throw operationError('invalid_config', operation, reason)
  }
}
