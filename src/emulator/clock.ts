/**
 * Emulator time: a base clock plus an offset that `control.advanceTime` moves, so tests can
 * expire tokens, codes and lockouts without waiting.
 *
 * @module
 */

/** The emulator's clock. All expiry, lockout and rate-limit decisions read `now()`. */
export interface EmulatorClock {
  /** Emulator time in epoch milliseconds (base clock + offset). */
  now(): number
  /** Moves emulator time by `ms` (any finite number). */
  advance(ms: number): void
  /** Sets the offset back to 0. */
  reset(): void
}

/** Creates a clock on `base` (default `Date.now`, read at each call so fake timers apply). */
export function createClock(base?: () => number): EmulatorClock {
  let offset = 0
  return {
    now: () => (base ? base() : Date.now()) + offset,
    advance(ms) {
      if (!Number.isFinite(ms))
        throw new TypeError(`advanceTime: expected a finite number, got ${ms}`)
      offset += ms
    },
    reset() {
      offset = 0
    },
  }
}
