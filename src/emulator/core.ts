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
  /** The ES256 key new tokens are signed with (generated on first use: WebCrypto is async). */
  signingKey(): Promise<SigningKey>
  /**
   * Every key tokens may carry: the current one first, then those rotated out (still published
   * in the JWKS and still accepted, as SLAS publishes past keys).
   */
  signingKeys(): Promise<SigningKey[]>
  /** Makes a new current key; the old one stays published and valid. Resolves with the new key. */
  rotateSigningKey(): Promise<SigningKey>
}
