/**
 * The 200 answer of every token-issuing SLAS endpoint.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { json } from '../http.ts'
import type { SessionRecord } from '../state.ts'
import { issueTokens } from '../tokens.ts'

/** Signs the access token for `session` and answers the TokenResponse (never cached). */
export async function tokenResponse(
  core: EmulatorCore,
  session: SessionRecord,
  now: number,
): Promise<Response> {
  return json(200, await issueTokens(core, session, now), { pragma: 'no-cache' })
}
