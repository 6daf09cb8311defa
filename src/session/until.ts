/**
 * Waiting on the session actor: settles on the first snapshot `decide` has an answer for, and
 * rejects with `aborted` when the session stops first. Every promise of the session API waits
 * through this one helper, so none can hang on a stopped actor.
 *
 * @module
 */
import type { Actor, SnapshotFrom } from 'xstate'
import type { sessionMachine } from '../../machines/sessionMachine.ts'
import { ShopperSessionError } from '../errors.ts'

/** The session actor and its snapshot. */
export type SessionActor = Actor<typeof sessionMachine>
/** A snapshot of the session actor. */
export type SessionSnapshot = SnapshotFrom<typeof sessionMachine>

/** What `decide` returns: a value, an error, or nothing yet. */
export type Decision<T> = { value: T } | { error: ShopperSessionError } | undefined

/** Resolves or rejects on the first snapshot (the current one included) `decide` answers. */
export function until<T>(
  actor: SessionActor,
  decide: (snapshot: SessionSnapshot) => Decision<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false
    let subscription: { unsubscribe(): void } | undefined
    const check = (snapshot: SessionSnapshot) => {
      if (done) return
      const decision =
        snapshot.status === 'active'
          ? decide(snapshot)
          : { error: new ShopperSessionError('aborted', 'The session was stopped.') }
      if (decision === undefined) return
      done = true
      subscription?.unsubscribe()
      if ('value' in decision) resolve(decision.value)
      else reject(decision.error)
    }
    subscription = actor.subscribe({ next: check, complete: () => check(actor.getSnapshot()) })
    check(actor.getSnapshot())
    if (done) subscription.unsubscribe()
  })
}
