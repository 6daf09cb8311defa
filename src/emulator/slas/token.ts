/**
 * POST `/oauth2/token` (getAccessToken): dispatch by `grant_type` to the code grants, the refresh
 * grant and the private-client guest grant.
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import { slasError } from '../slasErrors.ts'
import { formProblem } from './clients.ts'
import { clientCredentialsGrant, codeGrant } from './grants.ts'
import { readParams } from './params.ts'
import { refreshGrant } from './refresh.ts'

/** getAccessToken. */
export async function getAccessToken(ctx: RequestContext): Promise<Response> {
  const form = await ctx.form()
  if (!form.ok) return formProblem(form)
  const grant = readParams(form.params, { grant_type: { required: true, max: 64 } })
  if (!grant.ok) return slasError('badParameters')
  switch (grant.values.grant_type) {
    case 'authorization_code':
    case 'authorization_code_pkce':
      return codeGrant(ctx, form.params, grant.values.grant_type)
    case 'refresh_token':
      return refreshGrant(ctx, form.params)
    case 'client_credentials':
      return clientCredentialsGrant(ctx, form.params)
    default:
      // session_bridge and anything unknown.
      return slasError('unsupportedGrant')
  }
}
