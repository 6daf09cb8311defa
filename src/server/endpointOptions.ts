/**
 * The options the browser-facing endpoints of this entry share (the password reset and the
 * session endpoint), checked with one schema: who may call from a browser, which client a call
 * counts against, the body limit and the logger.
 *
 * @module
 */
import * as z from 'zod/mini'
import type { Logger } from '../logger.ts'
import type { PasswordResetRequestInfo } from './passwordReset/clientKey.ts'

/** A rule that picks the per-client rate limit key of a call. */
type ClientKeyOption = (request: Request, info: PasswordResetRequestInfo) => string | undefined

/** The option fields every endpoint takes, as zod/mini fields (spread into an object schema). */
export const endpointOptionFields = {
  allowedOrigins: z.optional(
    z.custom<readonly string[]>((value) => Array.isArray(value), 'must be an array of origins'),
  ),
  clientKey: z.optional(
    z.custom<ClientKeyOption>((value) => typeof value === 'function', 'must be a function'),
  ),
  trustProxy: z.optional(
    z.custom<boolean | number>(
      (value) =>
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10),
      'must be a boolean or the number of proxies (1 to 10)',
    ),
  ),
  maxBodyBytes: z.optional(
    z.custom<number>(
      (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 1024 && value <= 1 << 20,
      'must be an integer from 1024 to 1048576',
    ),
  ),
  logger: z.optional(
    z.custom<Logger | null>((value) => typeof value === 'object', 'must be an object or null'),
  ),
}

/** How many proxies `trustProxy` names (`true` = 1, unset or `false` = 0). */
export function proxyHops(trustProxy: boolean | number | undefined): number {
  return typeof trustProxy === 'number' ? trustProxy : trustProxy ? 1 : 0
}
