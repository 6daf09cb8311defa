/**
 * The development stand-in for e-mail: a password reset service without a `deliverToken` hook
 * keeps each delivery in memory and logs a line that names the login, never the token. For
 * development and tests only: in production nothing reaches the shopper.
 *
 * @module
 */
import { createSafeLogger, type Logger } from '../../logger.ts'

/** One reset token to deliver to a shopper (e-mail a link carrying `login` and `token`). */
export interface PasswordResetDelivery {
  /** The login, as B2C Commerce spells it. */
  login: string
  /** The shopper's e-mail address. */
  email: string
  /** The reset token. Put it in the link; never log it. */
  token: string
  /** When the token expires (epoch ms, the service's clock). */
  expiresAt: number
  /** Its lifetime as B2C Commerce reported it. */
  expiresInMinutes: number
}

/** Hands a reset token to the shopper; the service waits for it and reports a throw. */
export type DeliverToken = (delivery: PasswordResetDelivery) => Promise<void> | void

/** Options of {@link createDevOutbox}. */
export interface DevOutboxOptions {
  /** Where the line about each delivery goes (redacted). Default `console`; `null`: nowhere. */
  logger?: Logger | null
  /** The most deliveries kept (oldest go first). Default 100. */
  max?: number
}

/** An in-memory outbox of reset tokens. */
export interface DevOutbox {
  /** The hook to pass as `deliverToken`. */
  deliverToken: DeliverToken
  /** The deliveries kept, oldest first (copies). */
  deliveries(): PasswordResetDelivery[]
  /** The newest delivery for `login` (case-insensitive), if any. */
  latest(login: string): PasswordResetDelivery | undefined
  /** Forgets every delivery. */
  clear(): void
}

/**
 * Creates a development outbox: what a demo page or a test reads instead of a mailbox. Not for
 * production: shoppers never get their link.
 *
 * @example
 * ```ts
 * const outbox = createDevOutbox()
 * const service = createPasswordResetService({ ...config, deliverToken: outbox.deliverToken })
 * await service.requestToken('ada@example.com')
 * const link = `/reset#login=ada@example.com&token=${outbox.latest('ada@example.com')?.token}`
 * ```
 */
export function createDevOutbox(options: DevOutboxOptions = {}): DevOutbox {
  const max = Math.max(1, options.max ?? 100)
  const log = createSafeLogger(options.logger === null ? undefined : (options.logger ?? console))
  const kept: PasswordResetDelivery[] = []
  return {
    deliverToken(delivery) {
      kept.push({ ...delivery })
      if (kept.length > max) kept.splice(0, kept.length - max)
      const expires = new Date(delivery.expiresAt).toISOString()
      log.info(
        `[shopper-session] password reset for ${delivery.login} kept in the development outbox ` +
          `(expires ${expires}); configure deliverToken to e-mail shoppers`,
      )
    },
    deliveries: () => kept.map((delivery) => ({ ...delivery })),
    latest(login) {
      const key = login.toLowerCase()
      for (let index = kept.length - 1; index >= 0; index -= 1) {
        const delivery = kept[index]
        if (delivery?.login.toLowerCase() === key) return { ...delivery }
      }
      return undefined
    },
    clear: () => {
      kept.length = 0
    },
  }
}
