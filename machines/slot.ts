/**
 * The placeholder of an actor slot: the machines name the work (after SCAPI operations), the
 * composition root (`src/actors.ts`, `src/account/`) provides it. One shared placeholder keeps
 * the machines small in every bundle.
 *
 * @module
 */
import { fromPromise, type PromiseActorLogic } from 'xstate'

/** An actor slot with its output and input types; running it unprovided is a wiring bug. */
export function slot<TOutput, TInput = unknown>(): PromiseActorLogic<TOutput, TInput> {
  return fromPromise<TOutput, TInput>(async ({ self }) => {
    throw new Error(`provide the '${self.id}' actor (src/actors.ts does)`)
  })
}
