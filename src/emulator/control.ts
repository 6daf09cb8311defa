/**
 * `emulator.control`: the test-facing levers (time, faults, reset, session revocation) and
 * read-outs (secrets for the test secret guard, the request log).
 *
 * @module
 */
import type { EmulatorClock } from './clock.ts'
import type { EmulatorCore } from './core.ts'
import { type OutboxEntry, outbox, seedOrders } from './customers/controlApi.ts'
import type { Fault, FaultQueue } from './faults.ts'
import type { RequestLogEntry } from './pipeline.ts'
import type { RateLimiter } from './rateLimit.ts'
import { endSession } from './sessions.ts'
import { createState, loginKey, type SecretKind, stateSecrets } from './state.ts'
import type { ForcedRateLimit, ThrottleQueue } from './throttle.ts'

/** Which sessions `revokeSessions` ends (all given fields must match; none = every session). */
export interface SessionFilter {
  /** Registered shopper login (case-insensitive). */
  login?: string
  usid?: string
}

/** The control API. */
export interface EmulatorControl {
  /** Emulator time (epoch ms): base clock + offset. */
  now(): number
  /** Moves emulator time forward (or back, with a negative number). */
  advanceTime(ms: number): void
  /** Makes the next call(s) of `operation` (an operationId, e.g. `getAccessToken`) fail. */
  failNext(operation: string, fault: Fault): void
  /**
   * Makes the next call(s) of `operation` (or of any operation when omitted) answer 429 in the
   * module's shape, with `Retry-After` (default 60 s) and `X-RateLimit-*` headers showing both
   * windows used up until then. The operation does not run; the real limiter is not charged.
   */
  rateLimit(operation?: string, options?: ForcedRateLimit): void
  rateLimit(options: ForcedRateLimit): void
  /**
   * Back to the seeded state: no sessions, codes, lockouts or faults; offset 0; rate counters and
   * request log cleared. The signing key is kept (tokens from before are unknown all the same).
   */
  reset(): void
  /** Ends matching sessions (refresh and access tokens); returns how many were live. */
  revokeSessions(filter?: SessionFilter): number
  /**
   * Rotates the ES256 signing key: new tokens carry the new key's `kid`; the old key stays in the
   * JWKS and keeps verifying the tokens it signed (SLAS publishes past keys too). Resolves with
   * the new `kid`.
   */
  rotateSigningKey(): Promise<string>
  /**
   * Every token, refresh token, code, password and client secret the emulator knows; only those
   * of `kinds` when given (e.g. everything but the access and refresh tokens a session holds).
   */
  secrets(kinds?: readonly SecretKind[]): string[]
  /** The request log, optionally for one operation (copies). */
  requests(operation?: string): RequestLogEntry[]
  // --- Shopper Customers ---
  /** Issued password reset tokens, oldest first, like an e-mail outbox (copies). */
  outbox(): OutboxEntry[]
  /** Appends orders (`Order` JSON objects) for getCustomerOrders; `reset()` clears them. */
  seedOrders(customerId: string, orders: readonly object[]): void
}

/** What the control API acts on. */
export interface ControlParts {
  core: EmulatorCore
  clock: EmulatorClock
  faults: FaultQueue
  rateLimiter: RateLimiter
  log: RequestLogEntry[]
  /** Forced 429s (`rateLimit`). */
  throttle: ThrottleQueue
}

/** Builds the control API. */
export function createControl({
  core,
  clock,
  faults,
  rateLimiter,
  log,
  throttle,
}: ControlParts): EmulatorControl {
  return {
    now: () => clock.now(),
    advanceTime: (ms) => clock.advance(ms),
    failNext: (operation, fault) => faults.add(operation, fault),
    rateLimit(first?: string | ForcedRateLimit, options?: ForcedRateLimit) {
      if (first !== null && typeof first === 'object') throttle.add(undefined, first)
      else throttle.add(first ?? undefined, options ?? {})
    },
    reset() {
      core.state = createState(core.settings)
      faults.clear()
      throttle.clear()
      clock.reset()
      rateLimiter.reset()
      log.length = 0
    },
    revokeSessions(filter = {}) {
      const now = clock.now()
      let ended = 0
      for (const session of core.state.sessions.values()) {
        if (filter.usid !== undefined && session.usid !== filter.usid) continue
        if (filter.login !== undefined) {
          if (session.login === undefined || loginKey(session.login) !== loginKey(filter.login))
            continue
        }
        if (!session.ended && session.refreshExpiresAt > now) ended += 1
        endSession(core.state, session, { accessTokens: true })
      }
      return ended
    },
    rotateSigningKey: async () => (await core.rotateSigningKey()).kid,
    secrets(kinds) {
      const clientSecrets = core.settings.clients.all.flatMap((c) => (c.secret ? [c.secret] : []))
      clientSecrets.push(core.settings.accountManager.secret)
      const seeded = core.settings.shoppers.map((s) => s.password)
      const byKind: Record<SecretKind, string[]> = {
        clientSecret: clientSecrets,
        ...stateSecrets(core.state),
      }
      byKind.password = [...seeded, ...byKind.password]
      const chosen = kinds ?? (Object.keys(byKind) as SecretKind[])
      return [...new Set(chosen.flatMap((kind) => byKind[kind]))]
    },
    requests(operation) {
      return log
        .filter((e) => operation === undefined || e.operation === operation)
        .map((e) => ({ ...e }))
    },
    outbox: () => outbox(core.state),
    seedOrders: (customerId, orders) => seedOrders(core, customerId, orders),
  }
}
