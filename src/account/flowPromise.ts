/**
 * The promise form of a flow: drives the flow's actor to its end and settles with it. Each flow
 * has one implementation (its statechart); the promise form is a thin way to run it without a
 * UI reading tags.
 *
 * @module
 */
import { type AnyActorRef, waitFor } from 'xstate'
import type { SessionError } from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'
import { toShopperSessionError } from '../session/errors.ts'

/** What a flow's snapshot offers the driver. */
interface FlowSnapshot {
  status: string
  output?: unknown
  hasTag(tag: string): boolean
  context: { error?: SessionError | undefined }
}

/** A running flow actor. */
type FlowActor<S extends FlowSnapshot, E> = AnyActorRef & {
  getSnapshot(): S
  send(event: E): void
  stop(): void
}

/** When the flow counts as settled, and how. */
export interface FlowEnd {
  /** Tags at which the flow succeeded (resolves). */
  success: readonly string[]
  /** Tags at which the flow failed with its error (rejects); a form error is one. */
  failure: readonly string[]
}

/**
 * Sends `event` to the running flow `actor`, waits until it carries a `success` tag (resolves
 * with its snapshot) or a `failure` tag while not busy (rejects with its coded error), then stops
 * the actor. The caller's `signal` stops the flow and rejects with `aborted`.
 */
export async function runFlow<S extends FlowSnapshot, E>(
  actor: FlowActor<S, E>,
  event: E,
  end: FlowEnd,
  signal?: AbortSignal,
): Promise<S> {
  const ended = (snapshot: S) =>
    end.success.some((tag) => snapshot.hasTag(tag)) ||
    (!snapshot.hasTag('busy') && end.failure.some((tag) => snapshot.hasTag(tag)))
  try {
    actor.send(event)
    const snapshot = (await waitFor(actor, (s) => ended(s as S), { signal })) as S
    if (end.success.some((tag) => snapshot.hasTag(tag))) return snapshot
    const error = snapshot.context.error
    throw error
      ? toShopperSessionError(error)
      : new ShopperSessionError('aborted', 'The flow ended without its result.')
  } catch (error) {
    if (error instanceof ShopperSessionError) throw error
    throw new ShopperSessionError('aborted', 'The caller stopped waiting for the flow.', {
      cause: error,
    })
  } finally {
    actor.stop()
  }
}
