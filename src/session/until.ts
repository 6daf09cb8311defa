/**
 * Waiting on the session actor: settles on the first snapshot `decide` has an answer for, and
 * rejects with `aborted` when the session stops first or the caller's signal aborts, and with the
 * session's last failure (or `timeout`) when the wait outlasts its bound. Every promise of the
 * session API waits through this one helper, so none can hang.
 *
 * @module
 */
import type { Actor, SnapshotFrom } from 'xstate'
import type { SessionEvent, sessionMachine } from '../../machines/sessionMachine.ts'
import { ShopperSessionError } from '../errors.ts'
import { toShopperSessionError } from './errors.ts'
import { unrefTimer } from './clock.ts'

/** The session actor and its snapshot. */
export type SessionActor = Actor<typeof sessionMachine>
/** A snapshot of the session actor. */
export type SessionSnapshot = SnapshotFrom<typeof sessionMachine>

/**
 * What `decide` returns: `[value]` to resolve with `value`, or nothing yet. It throws the
 * `ShopperSessionError` to reject with.
 */
export type Decision<T> = [value: T] | undefined

/** How long and on what a caller waits. */
export interface WaitOptions {
  /** Sent once listening, unless the current snapshot already decides. */
  request?: SessionEvent
  /** The caller's signal: aborting ends the wait with `aborted` (the session's work goes on). */
  signal?: AbortSignal | undefined
  /**
   * The longest wait (ms). When it passes, the wait rejects with the session's failure recorded
   * since it began (e.g. `network` while retries go on), else with `timeout`.
   */
  timeoutMs?: number
}

/** Resolves or rejects on the first snapshot (the current one included) `decide` answers. */
export function until<T>(
  actor: SessionActor,
  decide: (snapshot: SessionSnapshot) => Decision<T>,
  { request, signal, timeoutMs }: WaitOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const errorBefore = actor.getSnapshot().context.error
    let subscription: { unsubscribe(): void } | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let done = false
    const settle = (outcome: () => void) => {
      if (done) return
      done = true
      subscription?.unsubscribe()
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      outcome()
    }
    // Reads the actor's snapshot, which is the one a notification is about.
    const check = () => {
      if (done) return
      const snapshot = actor.getSnapshot()
      try {
        if (snapshot.status !== 'active') {
          throw new ShopperSessionError('aborted', 'The session was stopped.')
        }
        const decision = decide(snapshot)
        if (decision) settle(() => resolve(decision[0]))
      } catch (error) {
        settle(() => reject(error))
      }
    }
    const onAbort = () =>
      settle(() =>
        reject(
          new ShopperSessionError('aborted', 'The caller stopped waiting.', {
            cause: signal?.reason,
          }),
        ),
      )
    if (signal?.aborted) return onAbort()
    check()
    if (done) return
    signal?.addEventListener('abort', onAbort, { once: true })
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        const { error } = actor.getSnapshot().context
        const failure =
          error !== undefined && error !== errorBefore
            ? toShopperSessionError(error)
            : new ShopperSessionError(
                'timeout',
                `No answer from the session within ${timeoutMs} ms.`,
              )
        settle(() => reject(failure))
      }, timeoutMs)
      // A wait must never keep a Node process alive on its own.
      unrefTimer(timer)
    }
    subscription = actor.subscribe({ next: check, complete: check })
    if (request) actor.send(request)
  })
}
