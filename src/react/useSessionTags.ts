'use client'
/**
 * `useSessionTags()` and `useSessionTag(tag)`: the session's tags, re-rendering only when a tag
 * the component reads flips.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import type { SessionTag } from '../../machines/contracts.ts'
import { sameView } from './equal.ts'
import type { SessionSnapshotLike } from './sessionLike.ts'
import { sessionSource } from './sessionSource.ts'
import { useShopperSession } from './useShopperSession.ts'

/**
 * Every session tag, each `true` while the session carries it.
 *
 * @example
 * ```ts
 * const { guest, registered, tokenValid, busy, stale, reauthRequired, unavailable }: SessionTags =
 *   useSessionTags()
 * ```
 */
export type SessionTags = Readonly<Record<SessionTag, boolean>>

// Keyed by tag so the compiler insists on every tag the session has.
const TAGS = Object.keys({
  guest: true,
  registered: true,
  tokenValid: true,
  busy: true,
  stale: true,
  reauthRequired: true,
  unavailable: true,
} satisfies Record<SessionTag, true>) as SessionTag[]

function tagsOf(snapshot: SessionSnapshotLike): SessionTags {
  const tags = {} as Record<SessionTag, boolean>
  for (const tag of TAGS) tags[tag] = snapshot.hasTag(tag)
  return tags
}

/**
 * All tags of the provided session: `guest`, `registered`, `tokenValid`, `busy`, `stale`,
 * `reauthRequired`, `unavailable`. The component re-renders when any of them flips (the object
 * stays the same otherwise); read one tag with {@link useSessionTag} to re-render less.
 *
 * @example
 * ```tsx
 * function Status() {
 *   const { registered, stale, unavailable } = useSessionTags()
 *   if (unavailable) return <p>Offline: we keep trying</p>
 *   return <p>{registered ? 'Signed in' : 'Guest'}{stale ? ' (reconnecting)' : ''}</p>
 * }
 * ```
 */
export function useSessionTags(): SessionTags {
  const session = useShopperSession()
  return useSelector(sessionSource(session), tagsOf, sameView)
}

/**
 * Whether the provided session carries `tag`; the component re-renders only when it flips
 * (`useSessionTag('busy')`: once when a refresh starts, once when it ends).
 *
 * @example
 * ```tsx
 * function LoginLink() {
 *   const reauthRequired = useSessionTag('reauthRequired')
 *   return reauthRequired ? <a href="/login">Your session ended: sign in again</a> : null
 * }
 * ```
 */
export function useSessionTag(tag: SessionTag): boolean {
  const session = useShopperSession()
  return useSelector(sessionSource(session), (snapshot) => snapshot.hasTag(tag))
}
