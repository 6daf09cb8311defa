/**
 * The two Shopper Customers calls the account flows make with the shopper's token: the loginId
 * change (`updateCustomer` with `login` + `currentPassword`) and the password change
 * (`updateCustomerPassword`). Sent through the clients' transport and error mapping but without
 * the Shopper schemas, as the session's own calls are: the flows read neither answer, and the
 * customer schemas would double what the account subpath adds to a page (5 of 8 KiB gzip).
 *
 * @module
 */
import { SHOPPER_TAGS } from '../scapi/errorMapping.ts'
import { type HttpMethod, runOperation, sendUnread } from '../scapi/http.ts'
import { scapiUrl } from '../scapi/scapiUrl.ts'
import type { ShopperSession } from '../session.ts'

/** What the calls need from the session. */
export type CallsSession = Pick<ShopperSession, 'fetch' | 'scapi'>

/** The registered shopper the calls act on. */
export interface CallTarget {
  /** The registered shopper's customer id (from the session's tokens). */
  customerId: string
}

/** The account flows' Shopper Customers calls, bound to one session. */
export interface AccountCalls {
  /** PATCH the customer's `login`; the server checks `currentPassword`. */
  changeLogin(
    target: CallTarget,
    body: { login: string; currentPassword: string },
    signal?: AbortSignal,
  ): Promise<void>
  /** PUT the customer's password. */
  changePassword(
    target: CallTarget,
    body: { currentPassword: string; password: string },
    signal?: AbortSignal,
  ): Promise<void>
}

/**
 * Binds the calls to `session`: its API origin, and its `fetch`, which sends the current access
 * token and refreshes once and retries once after a 401 (a 401 means nothing was executed).
 */
export function createAccountCalls(session: CallsSession): AccountCalls {
  const { baseUrl, organizationId, siteId } = session.scapi
  const location = { baseUrl, organizationId, siteId }
  const transport = { fetch: session.fetch, headers: {} }
  const call = (
    operation: string,
    method: HttpMethod,
    path: string[],
    json: object,
    signal: AbortSignal | undefined,
  ) =>
    runOperation(operation, signal, () => {
      const request = { operation, api: 'customers', method, json, signal } as const
      return sendUnread(transport, scapiUrl(location, 'customers', path), request, SHOPPER_TAGS)
    })
  return {
    changeLogin: ({ customerId }, body, signal) =>
      call('updateCustomer', 'PATCH', ['customers', customerId], body, signal),
    changePassword: ({ customerId }, body, signal) =>
      call('updateCustomerPassword', 'PUT', ['customers', customerId, 'password'], body, signal),
  }
}
