/**
 * Authorization codes: issuing one (shared by /authorize and /login) and answering the 303 that
 * carries it to the redirect URI.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { authorizationCode, uuid } from '../ids.ts'
import type { CodeRecord, CustomerKind } from '../state.ts'
import { withQuery } from '../wildcard.ts'

/** What a new code binds. */
export interface CodeInit {
  clientId: string
  redirectURI: string
  challenge: string | undefined
  usid: string | undefined
  siteId: string | undefined
  kind: CustomerKind
  login: string | undefined
}

/** Stores a new single-use code (lifetime `codeTtlSeconds`); mints a usid when none was sent. */
export function issueCode(core: EmulatorCore, init: CodeInit): CodeRecord {
  const record: CodeRecord = {
    ...init,
    code: authorizationCode(),
    usid: init.usid ?? uuid(),
    expiresAt: core.clock.now() + core.settings.codeTtlSeconds * 1000,
    used: false,
  }
  core.state.codes.set(record.code, record)
  return record
}

/** `303 See Other` to `redirect_uri?code=…&usid=…[&state=…]`, as authorize and login answer. */
export function redirectWithCode(record: CodeRecord, state: string | undefined): Response {
  const location = withQuery(record.redirectURI, { code: record.code, usid: record.usid, state })
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } })
}
