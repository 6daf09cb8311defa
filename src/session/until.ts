/**
 * Waiting on the session actor: settles on the first snapshot `decide` has an answer for, and
 * rejects with `aborted` when the session stops first. Every promise of the session API waits
 * through this one helper, so none can hang on a stopped actor.
 *
 * @module
 */
import type { Actor, SnapshotFrom } from 'xstate'
import type { SessionEvent, sessionMachine } from '../../machines/sessionMachine.ts'
import { ShopperSessionError } from '../errors.ts'

/** The session actor and its snapshot. */
export type SessionActor = Actor<typeof sessionMachine>
/** A snapshot of the session actor. */
export type SessionSnapshot = SnapshotFrom<typeof sessionMachine>

/**
 * What `decide` returns: `[value]` to resolve with `value`, or nothing yet. It throws the
 * `ShopperSessionError` to reject with.
 */
export type Decision<T> = [value: T] | undefined

/**
 * Resolves or rejects on the first snapshot (the current one included) `decide` answers. When the
 * current one is not answered, sends `request` (if any) once listening.
 */
export function until<T>(
  actor: SessionActor,
  decide: (snapshot: SessionSnapshot) => Decision<T>,
  request?: SessionEvent,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false
    let subscription: { unsubscribe(): void } | undefined
    // Reads the actor's snapshot, which is the one a notification is about.
    const check = () => {
      if (done) return
      const snapshot = actor.getSnapshot()
      try {
        if (snapshot.status !== 'active') {
          throw new ShopperSessionError('aborted', 'The session was stopped.')
        }
        const decision = decide(snapshot)
        if (!decision) return
        resolve(decision[0])
      } catch (error) {
        reject(error)
      }
      done = true
      subscription?.unsubscribe()
    }
    check()
    if (done) return
    subscription = actor.subscribe({ next: check, complete: check })
    if (request) actor.send(request)
  })
}
