/**
 * Who the session's shopper is, for apps that want it without reading tags or token sets.
 *
 * @module
 */
import type { SessionTokens } from '../../machines/contracts.ts'
import { IMPORT_PENDING } from './tokens.ts'

/** The shopper a session holds tokens for. */
export interface Shopper {
  /** A guest, or a registered (logged-in) shopper. */
  kind: 'guest' | 'registered'
  /** The customer id; `undefined` while unknown (an imported session before its first refresh). */
  customerId: string | undefined
  /** A registered shopper's login; `undefined` for guests and while unknown. */
  loginId: string | undefined
  /** The SLAS shopper id (`usid`), kept from guest to registered; `undefined` while unknown. */
  usid: string | undefined
}

// An imported session's placeholder stands for "not known yet": reported as unknown.
const known = (value: string | undefined) => (value === IMPORT_PENDING ? undefined : value)

/** The shopper `tokens` belong to, or `undefined` without tokens. */
export function shopperOf(tokens: SessionTokens | undefined): Shopper | undefined {
  if (!tokens) return undefined
  return {
    kind: tokens.customerType,
    customerId: known(tokens.customerId),
    loginId: tokens.customerType === 'registered' ? known(tokens.loginId) : undefined,
    usid: known(tokens.usid),
  }
}
