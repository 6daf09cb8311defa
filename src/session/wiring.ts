/**
 * Where the session machines meet their real actors. The machines are provided once (per jitter
 * source) for every session, not per session: a per-session `machine.provide` rebuilds the
 * whole state-node tree, about 50 KiB on every server request. The provided actors find the work
 * of their own session through the actor system they run in, which the session registers when
 * it creates its actor. Nothing else reaches into a running session.
 *
 * @module
 */
import { type AnyActorRef, fromPromise } from 'xstate'

/** An actor system, as every actor's `.system` is. */
type AnyActorSystem = AnyActorRef['system']
import { backoffDelay, clampDelay, type RetryPolicy } from '../../machines/contracts.ts'
import { sessionMachine } from '../../machines/sessionMachine.ts'
import { tokenRefreshMachine } from '../../machines/tokenRefreshMachine.ts'
import type { SessionWork } from '../actors.ts'
import { ShopperSessionError } from '../errors.ts'

/** The session machine with its actors and jittered backoff provided. */
export type WiredSessionMachine = ReturnType<typeof sessionMachine.provide>

// Each session's work, keyed by the actor system its actors share (the session actor's and its
// children's): one entry per running session, gone with the session.
const WORK = new WeakMap<AnyActorSystem, SessionWork>()

/** Makes `work` the one the actors running in `system` (a session actor's `.system`) do. */
export function registerWork(system: AnyActorSystem, work: SessionWork): void {
  WORK.set(system, work)
}

/**
 * An actor that does one part of its session's work (`pick` chooses which); its abort signal
 * fires when the machine stops the actor.
 */
function workActor<Input, Output>(
  pick: (work: SessionWork) => (input: Input, signal: AbortSignal) => Promise<Output>,
) {
  return fromPromise<Output, Input>(({ input, system, signal }) => {
    const work = WORK.get(system)
    if (!work) {
      const message = 'session actors run only inside createShopperSession'
      throw new ShopperSessionError('invalid_config', message)
    }
    return pick(work)(input, signal)
  })
}

/** What the backoff delay reads from either machine's context. */
interface BackoffContext {
  attempt: number
  retry: RetryPolicy
  error?: { retryAfterMs?: number } | undefined
}

// One wired machine per jitter source (normally just `Math.random`).
const machines = new WeakMap<() => number, WiredSessionMachine>()

/**
 * The session machine wired to the real actors, with backoff jittered by `random`: between half
 * and all of the exponential delay (spreading many shoppers' retries), never below the server's
 * `Retry-After`.
 */
export function wiredSessionMachine(random: () => number): WiredSessionMachine {
  let machine = machines.get(random)
  if (!machine) {
    const retryBackoff = ({ context }: { context: BackoffContext }) => {
      const base = backoffDelay(context.attempt, context.retry, undefined)
      const jittered = base / 2 + (base / 2) * random()
      return clampDelay(Math.max(context.error?.retryAfterMs ?? 0, jittered))
    }
    machine = sessionMachine.provide({
      actors: {
        restoreSession: workActor((work) => work.restoreSession),
        authorizeCustomer: workActor((work) => work.authorizeCustomer),
        authenticateCustomer: workActor((work) => work.authenticateCustomer),
        getTrustedSystemAccessToken: workActor((work) => work.getTrustedSystemAccessToken),
        registerCustomer: workActor((work) => work.registerCustomer),
        transferBasket: workActor((work) => work.transferBasket),
        logoutCustomer: workActor((work) => work.logoutCustomer),
        tokenRefresh: tokenRefreshMachine.provide({
          actors: { getAccessToken: workActor((work) => work.getAccessToken) },
          delays: { retryBackoff },
        }),
      },
      delays: { retryBackoff },
    })
    machines.set(random, machine)
  }
  return machine
}
