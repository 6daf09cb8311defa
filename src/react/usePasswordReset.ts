'use client'
/**
 * `usePasswordReset(start?)`: the password reset flow of the Provider's account flows, as
 * component state.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import { useMemo } from 'react'
import type { PasswordResetTag } from '../../machines/passwordResetMachine.ts'
import type { PasswordResetActor, PasswordResetStart } from '../account/passwordReset.ts'
import type { ShopperSessionError } from '../errors.ts'
import { secret } from '../secret.ts'
import { sameView } from './equal.ts'
import { flowTags, useFlow, useFlowError } from './useFlow.ts'

/**
 * What {@link usePasswordReset} returns: the flow's tags and error as state, and senders that box
 * secrets.
 *
 * @example
 * ```ts
 * const { tags, error, submit, restart, actor }: PasswordResetFlow = usePasswordReset()
 * ```
 */
export interface PasswordResetFlow {
  /** One boolean per tag: `requestForm`, `tokenSent`, `passwordForm`, `linkInvalid`, … */
  tags: Readonly<Record<PasswordResetTag, boolean>>
  /**
   * The failure to show (`not_found`, `weak_password`, `invalid_reset_token`, a transient code
   * with `tags.retryable`), or why the flow could not start (`invalid_config`).
   */
  error: ShopperSessionError | undefined
  /** Once `done`: whether the login with the new password (`loginAfterReset`) succeeded. */
  loggedIn: boolean | undefined
  /** Asks the server to e-mail a reset link to `login` (again, after any failure). */
  request(login: string): void
  /** The reset link was opened in this page: its token (boxed at once). */
  openLink(token: string): void
  /** Sets the new password (boxed at once with `secret()`). */
  submit(newPassword: string): void
  /** Tries the failed request or reset again (`tags.retryable`). */
  retry(): void
  /** Stops this flow and starts a new one (with the `start` of the newest render). */
  restart(): void
  /** The running flow actor, for what the fields above leave out (`undefined` before it runs). */
  actor: PasswordResetActor | undefined
}

const TAGS = Object.keys({
  busy: true,
  error: true,
  retryable: true,
  requestForm: true,
  tokenSent: true,
  passwordForm: true,
  linkInvalid: true,
  done: true,
} satisfies Record<PasswordResetTag, true>) as PasswordResetTag[]

/**
 * Runs a password reset (`account.startPasswordReset(start)` of the Provider's `account`) for as
 * long as the component is mounted: started once per mount, stopped on unmount. `start` is read
 * when the flow starts; on the page the e-mailed link opened, pass `{ login, token }` from the
 * link and the flow begins at the password form. Passwords and tokens go into the flow boxed:
 * never into its snapshots, React state or devtools.
 *
 * @example
 * ```tsx
 * function ForgotPassword() {
 *   const reset = usePasswordReset()
 *   if (reset.tags.tokenSent) return <p>Check your mail</p>
 *   const submit = (event: FormEvent<HTMLFormElement>) => {
 *     event.preventDefault()
 *     reset.request(String(new FormData(event.currentTarget).get('login')))
 *   }
 *   return (
 *     <form onSubmit={submit}>
 *       {reset.error?.code === 'not_found' && <p>No account with that login</p>}
 *       <button disabled={reset.tags.busy}>Send the link</button>
 *     </form>
 *   )
 * }
 * ```
 */
export function usePasswordReset(start?: PasswordResetStart): PasswordResetFlow {
  const { actor, startError, restart } = useFlow((account) => account.startPasswordReset(start))
  const view = useSelector(
    actor,
    (snapshot) => ({
      tags: flowTags(TAGS, snapshot),
      error: snapshot?.context.error,
      loggedIn: snapshot?.output?.loggedIn,
    }),
    sameView,
  )
  const error = useFlowError(view.error, startError)
  return useMemo(
    () => ({
      tags: view.tags,
      error,
      loggedIn: view.loggedIn,
      request: (login: string) => actor?.send({ type: 'request', login }),
      openLink: (token: string) => actor?.send({ type: 'link.opened', token: secret(token) }),
      submit: (newPassword: string) =>
        actor?.send({ type: 'submit', newPassword: secret(newPassword) }),
      retry: () => actor?.send({ type: 'retry' }),
      restart,
      actor,
    }),
    [view, error, actor, restart],
  )
}
