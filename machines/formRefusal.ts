/**
 * A form's client-side refusal, shared by the credential-change machines: when `guard` holds, the
 * submit goes back to the form's `rejected` state with the error, and no request is sent.
 *
 * @module
 */
import type { SessionError } from './contracts.ts'

/**
 * The transition of a `submit` on a form state with a `rejected` child: to `.rejected` with
 * `{ code, message }` through the machine's `refuse` action when `guard` holds.
 */
export function refuse<Guard extends string>(
  guard: Guard,
  code: SessionError['code'],
  message: string,
) {
  return {
    guard,
    target: '.rejected',
    actions: { type: 'refuse', params: { error: { code, message } } },
  } as const
}
