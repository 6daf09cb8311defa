/**
 * The control strip's levers: each pulls one emulator control (or the network's offline switch)
 * that a real deployment meets by accident. The page then shows how the session rides it out.
 *
 * @module
 */
import type { EmulatorControl } from 'shopper-session/emulator'
import { ACCESS_TOKEN_SECONDS, type ControlAction } from '../shared/site.ts'

/** The API's offline switch: while on, every connection to the emulator is dropped. */
export interface OfflineSwitch {
  offline: boolean
}

/** Seconds a forced 429 asks the caller to wait (`Retry-After`). */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 5

/** Pulls `action` on the emulator behind `control` (or on the network's switch). */
export function applyControl(
  action: ControlAction,
  control: EmulatorControl,
  network: OfflineSwitch,
): void {
  switch (action) {
    case 'expireTokens':
      // Emulator time moves past every access token's expiry: the API refuses them (401) while
      // the page's clock still counts down. The next call refreshes once and is retried.
      control.advanceTime((ACCESS_TOKEN_SECONDS + 1) * 1000)
      return
    case 'failNextRefresh':
      // The next token request answers 503: a transient failure the session backs off from.
      control.failNext('getAccessToken', { status: 503 })
      return
    case 'loseNextRotatedToken':
      // SLAS rotates the refresh token, then the answer is lost: the page holds a spent token.
      control.failNext('getAccessToken', { drop: true, phase: 'after' })
      return
    case 'rateLimit':
      control.rateLimit('getAccessToken', { retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_SECONDS })
      return
    case 'offline':
      network.offline = true
      return
    case 'online':
      network.offline = false
      return
  }
}
