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

/** What `decide` says of a snapshot: keep waiting, resolve with a value, or reject. */
export type Verdict<T> =
  | { readonly kind: 'wait' }
  | { readonly kind: 'resolve'; readonly value: T }
  | { readonly kind: 'reject'; readonly error: ShopperSessionError }

/** Keep waiting for the next snapshot. */
export const keepWaiting: Verdict<never> = { kind: 'wait' }

/** Resolve the wait with `value`. */
export function resolveWith<T>(value: T): Verdict<T> {
  return { kind: 'resolve', value }
}

/** Reject the wait with `error`. */
export function rejectWith(error: ShopperSessionError): Verdict<never> {
  return { kind: 'reject', error }
}

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

/**
 * Resolves or rejects on the first snapshot (the current one included) for which `decide` gives
 * a verdict other than {@link keepWaiting}.
 */
export function until<T>(
  actor: SessionActor,
  decide: (snapshot: SessionSnapshot) => Verdict<T>,
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
      let verdict: Verdict<T>
      try {
        verdict =
          snapshot.status === 'active'
            ? decide(snapshot)
            : rejectWith(new ShopperSessionError('aborted', 'The session was stopped.'))
      } catch (error) {
        // `decide` reads the clock; a broken one (`invalid_config`) ends the wait, never hangs it.
        settle(() => reject(error))
        return
      }
      if (verdict.kind === 'resolve') settle(() => resolve(verdict.value))
      else if (verdict.kind === 'reject') settle(() => reject(verdict.error))
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
