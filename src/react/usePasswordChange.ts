'use client'
/**
 * `usePasswordChange()`: the password change flow of the Provider's account flows, as component
 * state.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import { useMemo } from 'react'
import type { PasswordChangeTag } from '../../machines/passwordChangeMachine.ts'
import type { PasswordChangeActor } from '../account/passwordChange.ts'
import type { ShopperSessionError } from '../errors.ts'
import { secret } from '../secret.ts'
import { sameView } from './equal.ts'
import { flowTags, useFlow, useFlowError } from './useFlow.ts'

/** What {@link PasswordChangeFlow.submit} takes: the passwords as the shopper typed them. */
interface PasswordChangeInput {
  currentPassword: string
  newPassword: string
}

/**
 * What {@link usePasswordChange} returns: the flow's tags and error as state, and senders that box
 * secrets.
 *
 * @example
 * ```ts
 * const { tags, error, submit, restart, actor }: PasswordChangeFlow = usePasswordChange()
 * ```
 */
export interface PasswordChangeFlow {
  /** One boolean per tag: `form`, `busy`, `error`, `done`, `reauthRequired`. */
  tags: Readonly<Record<PasswordChangeTag, boolean>>
  /**
   * The failure to show (`invalid_current_password`, `weak_password`, a transient code; after
   * `reauthRequired`, why the re-login failed), or why the flow could not start (`conflict`: the
   * session is not registered).
   */
  error: ShopperSessionError | undefined
  /** Sends the current and the new password (each boxed at once with `secret()`). */
  submit(input: PasswordChangeInput): void
  /** Stops this flow and starts a new one. */
  restart(): void
  /** The running flow actor (`undefined` before it runs or when it could not start). */
  actor: PasswordChangeActor | undefined
}

const TAGS = Object.keys({
  busy: true,
  form: true,
  error: true,
  done: true,
  reauthRequired: true,
} satisfies Record<PasswordChangeTag, true>) as PasswordChangeTag[]

/**
 * Runs a password change (`account.startPasswordChange()` of the Provider's `account`) for as
 * long as the component is mounted: started once per mount, stopped on unmount. Mount it for a
 * registered shopper (for a guest `error` is `conflict`). After the change the session logs in
 * with the new password; `reauthRequired` when that failed.
 *
 * @example
 * ```tsx
 * function ChangePassword() {
 *   const change = usePasswordChange()
 *   const submit = (event: FormEvent<HTMLFormElement>) => {
 *     event.preventDefault()
 *     const form = new FormData(event.currentTarget)
 *     change.submit({
 *       currentPassword: String(form.get('currentPassword')),
 *       newPassword: String(form.get('newPassword')),
 *     })
 *   }
 *   if (change.tags.done) return <p>Your password is changed</p>
 *   return (
 *     <form onSubmit={submit}>
 *       {change.error?.code === 'weak_password' && <p>Choose a longer password</p>}
 *       <button disabled={!change.tags.form}>Change</button>
 *     </form>
 *   )
 * }
 * ```
 */
export function usePasswordChange(): PasswordChangeFlow {
  const { actor, startError, restart } = useFlow((account) => account.startPasswordChange())
  const view = useSelector(
    actor,
    (snapshot) => ({ tags: flowTags(TAGS, snapshot), error: snapshot?.context.error }),
    sameView,
  )
  const error = useFlowError(view.error, startError)
  return useMemo(
    () => ({
      tags: view.tags,
      error,
      submit: ({ currentPassword, newPassword }: PasswordChangeInput) =>
        actor?.send({
          type: 'submit',
          currentPassword: secret(currentPassword),
          newPassword: secret(newPassword),
        }),
      restart,
      actor,
    }),
    [view, error, actor, restart],
  )
}
