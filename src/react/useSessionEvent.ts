'use client'
/**
 * `useSessionEvent(type, handler)`: one typed session event, for as long as the component is
 * mounted.
 *
 * @module
 */
import { useEffect } from 'react'
import type { SessionEmitted, SessionEventHandler } from '../session.ts'
import { useLatest } from './useLatest.ts'
import { useShopperSession } from './useShopperSession.ts'

/**
 * Calls `handler` on every `type` event of the provided session while the component is
 * mounted. The newest `handler` is called (an inline arrow is fine): the subscription is made
 * once per session and type, not on every render. Nothing renders because of an event; set
 * state in the handler for that.
 *
 * @example
 * ```tsx
 * function ReauthPrompt() {
 *   const [open, setOpen] = useState(false)
 *   useSessionEvent('session.reauthRequired', () => setOpen(true)) // show the login form
 *   return open ? <LoginForm onDone={() => setOpen(false)} /> : null
 * }
 * ```
 */
export function useSessionEvent<T extends SessionEmitted['type']>(
  type: T,
  handler: SessionEventHandler<T>,
): void {
  const session = useShopperSession()
  const latest = useLatest(handler)
  useEffect(
    () => session.on(type, (event) => latest.current(event)),
    [session, type, latest],
  )
}
