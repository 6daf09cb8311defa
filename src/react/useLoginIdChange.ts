'use client'
/**
 * `useLoginIdChange()`: the loginId change flow of the Provider's account flows, as component
 * state.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import { useMemo } from 'react'
import type { LoginIdChangeTag } from '../../machines/loginIdChangeMachine.ts'
import type { LoginIdChangeActor } from '../account/loginIdChange.ts'
import type { ShopperSessionError } from '../errors.ts'
import { secret } from '../secret.ts'
import { sameView } from './equal.ts'
import { flowTags, useFlow, useFlowError } from './useFlow.ts'

/**
 * What {@link useLoginIdChange} returns: the flow's tags and error as state, and senders that box
 * secrets.
 *
 * @example
 * ```ts
 * const { tags, error, submit, restart, actor }: LoginIdChangeFlow = useLoginIdChange()
 * ```
 */
export interface LoginIdChangeFlow {
  /** One boolean per tag: `form`, `busy`, `error`, `done`, `reauthRequired`. */
  tags: Readonly<Record<LoginIdChangeTag, boolean>>
  /**
   * The failure to show (`invalid_current_password`, `login_taken`, `bad_request`, a transient
   * code; after `reauthRequired`, why the re-login failed), or why the flow could not start
   * (`conflict`: the session is not registered).
   */
  error: ShopperSessionError | undefined
  /** Sends the new login with the current password (boxed at once with `secret()`). */
  submit(input: { newLogin: string; currentPassword: string }): void
  /** Stops this flow and starts a new one (after `done`, or once the shopper is registered). */
  restart(): void
  /** The running flow actor (`undefined` before it runs or when it could not start). */
  actor: LoginIdChangeActor | undefined
}

const TAGS = Object.keys({
  busy: true,
  form: true,
  error: true,
  done: true,
  reauthRequired: true,
} satisfies Record<LoginIdChangeTag, true>) as LoginIdChangeTag[]

/**
 * Runs a loginId change (`account.startLoginIdChange()` of the Provider's `account`) for as long
 * as the component is mounted: started once per mount, stopped on unmount. Mount it for a
 * registered shopper: for a guest the flow does not start and `error` is `conflict`. On `done`
 * the session is registered with the new login; on `reauthRequired` the change stands but the
 * shopper has to log in again.
 *
 * @example
 * ```tsx
 * function ChangeLogin() {
 *   const change = useLoginIdChange()
 *   if (change.tags.done) return <p>Your login is changed</p>
 *   const submit = (event: FormEvent<HTMLFormElement>) => {
 *     event.preventDefault()
 *     const form = new FormData(event.currentTarget)
 *     change.submit({
 *       newLogin: String(form.get('newLogin')),
 *       currentPassword: String(form.get('currentPassword')),
 *     })
 *   }
 *   return (
 *     <form onSubmit={submit}>
 *       {change.error?.code === 'login_taken' && <p>That login is taken</p>}
 *       <button disabled={!change.tags.form}>Change</button>
 *     </form>
 *   )
 * }
 * ```
 */
export function useLoginIdChange(): LoginIdChangeFlow {
  const { actor, startError, restart } = useFlow((account) => account.startLoginIdChange())
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
      submit: ({ newLogin, currentPassword }: { newLogin: string; currentPassword: string }) =>
        actor?.send({ type: 'submit', newLogin, currentPassword: secret(currentPassword) }),
      restart,
      actor,
    }),
    [view, error, actor, restart],
  )
}
