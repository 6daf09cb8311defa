/**
 * The client authentication headers of SLAS requests, for private clients (a `clientSecret`).
 *
 * @module
 */
import type { ResolvedSlasConfig } from '../config.ts'
import { basicCredentials } from '../encoding.ts'

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
