/**
 * Discovery and keys: the JWKS and the OpenID configuration. Both are rate limited to 25 calls a
 * minute by SLAS: cache what they return.
 *
 * @module
 */
import { resolveSlasConfig, type SlasClientConfig } from '../config.ts'
import { requestJson, runOperation } from '../http.ts'
import {
  type Jwks,
  JwksSchema,
  type OpenIdConfiguration,
  OpenIdConfigurationSchema,
} from '../slasSchemas.ts'
import type { CallOptions, NoParams } from './common.ts'

/**
 * GET `/oauth2/jwks`: the current, past and future public keys of SLAS shopper JWTs.
 *
 * @example
 * ```ts
 * const { keys } = await getJwksUri(config, {})
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `getJwksUri`
 */
export function getJwksUri(
  config: SlasClientConfig,
  _params: NoParams = {},
  options: CallOptions = {},
): Promise<Jwks> {
  const operation = 'getJwksUri'
  return runOperation(operation, options.signal, async () => {
    const slas = resolveSlasConfig(config)
    const request = { operation, method: 'GET', path: 'jwks', signal: options.signal } as const
    return requestJson(slas, request, JwksSchema)
  })
}

/**
 * GET `/oauth2/.well-known/openid-configuration`: the OIDC discovery document.
 *
 * @example
 * ```ts
 * const { jwks_uri } = await getWellknownOpenidConfiguration(config, {})
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `getWellknownOpenidConfiguration`
 */
export function getWellknownOpenidConfiguration(
  config: SlasClientConfig,
  _params: NoParams = {},
  options: CallOptions = {},
): Promise<OpenIdConfiguration> {
  const operation = 'getWellknownOpenidConfiguration'
  return runOperation(operation, options.signal, async () => {
    const slas = resolveSlasConfig(config)
    const path = '.well-known/openid-configuration'
    const request = { operation, method: 'GET', path, signal: options.signal } as const
    return requestJson(slas, request, OpenIdConfigurationSchema)
  })
}
