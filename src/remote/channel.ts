/**
 * Notices between the tabs of one remote session: after a login, registration or logout, the tab
 * that made it posts the new state (never a token) on a BroadcastChannel, and the other tabs take
 * it as theirs without a request. The cookies are shared by every tab already; this only tells
 * their pages.
 *
 * @module
 */
import { readState } from './state.ts'
import type { DehydratedSession } from './wire.ts'

/** A notice channel. */
export interface StateChannel {
  /** Tells the other tabs about `state`. */
  post(state: DehydratedSession): void
  /** Stops listening. */
  close(): void
}

const VERSION = 1

/**
 * Opens the channel `name` and calls `receive` with each state another tab posts. A no-op
 * channel when `crossTab` is off or BroadcastChannel is missing.
 */
export function openStateChannel(
  name: string,
  crossTab: boolean,
  receive: (state: DehydratedSession) => void,
): StateChannel {
  if (!crossTab || typeof BroadcastChannel !== 'function') {
    return { post: () => undefined, close: () => undefined }
  }
  const channel = new BroadcastChannel(name)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { v?: unknown; state?: unknown } | null
    if (data?.v !== VERSION) return
    const state = readState(data.state)
    if (state !== undefined) receive(state)
  }
  // Node's channels keep the process alive while they listen; a page's never matter.
  ;(channel as { unref?: () => void }).unref?.()
  return {
    post: (state) => channel.postMessage({ v: VERSION, state }),
    close: () => channel.close(),
  }
}
