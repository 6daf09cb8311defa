/**
 * The shared core every route reads: settings, clock, the current state and the signing key.
 *
 * @module
 */
import type { EmulatorClock } from './clock.ts'
import type { SigningKey } from './jwt.ts'
import type { EmulatorSettings } from './options.ts'
import type { EmulatorState } from './state.ts'

/** What routes need from the emulator. `control.reset()` replaces `state`: read it per call. */
export interface EmulatorCore {
  readonly settings: EmulatorSettings
  readonly clock: EmulatorClock
  state: EmulatorState
  /** The ES256 key (generated on first use: WebCrypto key generation is async). */
  signingKey(): Promise<SigningKey>
}
