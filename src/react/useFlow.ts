'use client'
/**
 * `useFlow(start)`: one account flow actor per mount of the component, started in an effect and
 * stopped on unmount; the base of `usePasswordReset()`, `useLoginIdChange()` and
 * `usePasswordChange()`.
 *
 * @module
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { AccountFlows } from '../account/createAccountFlows.ts'
import type { ShopperSessionError } from '../errors.ts'
import { toError } from './toError.ts'
import { useLatest } from './useLatest.ts'
import { useAccountFlows } from './useShopperSession.ts'

/** A flow actor as the hook handles it: started by `start…()`, stopped on unmount. */
interface StoppableActor {
  stop(): void
}

/** The flow actor of the component, and how to start a new one. */
export interface FlowHandle<A> {
  /** The running flow; `undefined` until the first effect ran, or when starting it failed. */
  actor: A | undefined
  /** Why `start…()` threw (`conflict` for a guest, `invalid_config` without a reset port). */
  startError: ShopperSessionError | undefined
  /** Stops the flow and starts a new one. */
  restart(): void
}

interface Started<A> {
  actor: A | undefined
  startError: ShopperSessionError | undefined
}

/**
 * Starts `start(account)` once per mount (and per `restart()`), with the account flows of the
 * Provider, and stops it on unmount. In an effect, not during render: a render may be thrown
 * away (StrictMode renders twice), an effect's cleanup always runs. StrictMode's simulated
 * remount stops the first flow and starts a second before anything was sent.
 */
export function useFlow<A extends StoppableActor>(
  start: (account: AccountFlows) => A,
): FlowHandle<A> {
  const account = useAccountFlows()
  const latestStart = useLatest(start)
  const [generation, setGeneration] = useState(0)
  const [started, setStarted] = useState<Started<A>>({ actor: undefined, startError: undefined })

  useEffect(() => {
    let actor: A
    try {
      actor = latestStart.current(account)
    } catch (error) {
      setStarted({ actor: undefined, startError: toError(error) })
      return undefined
    }
    setStarted({ actor, startError: undefined })
    return () => actor.stop()
  }, [account, generation, latestStart])

  const restart = useCallback(() => setGeneration((count) => count + 1), [])
  return useMemo(() => ({ ...started, restart }), [started, restart])
}

/** The flow's error data as one `ShopperSessionError` per error (same object while unchanged). */
export function useFlowError(
  data: unknown,
  startError: ShopperSessionError | undefined,
): ShopperSessionError | undefined {
  const fromFlow = useMemo(() => (data === undefined ? undefined : toError(data)), [data])
  return fromFlow ?? startError
}

/** One boolean per tag in `tags`, read from a flow snapshot (all `false` without one). */
export function flowTags<Tag extends string>(
  tags: readonly Tag[],
  snapshot: { hasTag(tag: Tag): boolean } | undefined,
): Readonly<Record<Tag, boolean>> {
  const result = {} as Record<Tag, boolean>
  for (const tag of tags) result[tag] = snapshot?.hasTag(tag) ?? false
  return result
}
