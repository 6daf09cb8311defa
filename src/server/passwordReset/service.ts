/**
 * The server side of a Shopper Customers password reset: it holds the Account Manager credentials
 * both calls need, creates the reset token, hands it to the app's `deliverToken` hook (the browser
 * never sees it) and spends it with the new password. Rate limits per login and per client guard
 * both steps.
 *
 * @module
 */
import { isShopperSessionError, ShopperSessionError } from '../../errors.ts'
import { createSafeLogger } from '../../logger.ts'
import { getAccountManagerToken } from '../../scapi/accountManager.ts'
import {
  getResetPasswordToken,
  resetPassword as resetPasswordCall,
} from '../../scapi/customers/password.ts'
import { createAmTokenCache } from './amTokenCache.ts'
import { type PasswordResetServiceOptions, resolvePasswordResetOptions } from './config.ts'
import { createDevOutbox, type DevOutbox } from './devOutbox.ts'
import { checkField, loginKey } from './input.ts'
import type {
  PasswordResetCallOptions,
  PasswordResetPort,
  PasswordResetSubmission,
} from '../../account/resetPort.ts'
import { createRateLimiter, type RateLimiter, type RateLimitRule } from './rateLimit.ts'

/** Per-call options of a {@link PasswordResetService}. */
export interface PasswordResetServiceCallOptions extends PasswordResetCallOptions {
  /**
   * Who asks, for the per-client limit (e.g. the caller's IP address). Without it only the
   * per-login limit applies.
   */
  client?: string
}

/** The password reset service; it satisfies {@link PasswordResetPort}. */
export interface PasswordResetService extends PasswordResetPort {
  /**
   * Creates a reset token for `login` with the Account Manager token and hands it to
   * `deliverToken`; resolves once delivered and tells nothing about the token. Rejects with
   * `not_found` (unknown login, unless `unknownLogin: 'neutral'`), `rate_limited` (with
   * `retryAfterMs`), `bad_request` (empty or over-long login), `server_error` (operation
   * `deliverToken`: the hook threw) or an upstream code (`invalid_client`, `network`, …). With
   * `unknownLogin: 'neutral'` a throwing hook is logged and the call resolves, since rejecting
   * only for known logins would tell which logins exist.
   */
  requestToken(login: string, options?: PasswordResetServiceCallOptions): Promise<void>
  /**
   * Sets the new password with the token. Rejects with `invalid_reset_token` (unknown, used,
   * expired or another login's), `weak_password` (the token stays usable), `rate_limited`,
   * `bad_request` or an upstream code.
   */
  resetPassword(
    input: PasswordResetSubmission,
    options?: PasswordResetServiceCallOptions,
  ): Promise<void>
  /** The development outbox, when no `deliverToken` was given; else `undefined`. */
  readonly devOutbox: DevOutbox | undefined
}

type Action = 'request' | 'reset'

/** The operation each action's errors name (the Shopper Customers operationIds). */
const OPERATIONS: Readonly<Record<Action, string>> = {
  request: 'getResetPasswordToken',
  reset: 'resetPassword',
}

/**
 * Creates the service. Throws `invalid_config` naming the first bad option, before anything is
 * sent. The Account Manager token is cached until a minute before it expires and shared by
 * concurrent calls; a 401 from SCAPI with a cached token drops it and retries once.
 *
 * @example
 * ```ts
 * const service = createPasswordResetService({
 *   shortCode: 'kv7kzm78',
 *   organizationId: 'f_ecom_zzte_001',
 *   siteId: 'RefArch',
 *   accountManager: { clientId: AM_CLIENT_ID, clientSecret: process.env.AM_CLIENT_SECRET ?? '' },
 *   deliverToken: ({ login, email, token }) => mailer.sendResetLink(email, login, token),
 * })
 * await service.requestToken('ada@example.com', { client: ip })
 * ```
 */
export function createPasswordResetService(
  options: PasswordResetServiceOptions,
): PasswordResetService {
  const resolved = resolvePasswordResetOptions(options)
  const { scapi, accountManager, scope, now, maxKeys } = resolved
  const log = createSafeLogger(resolved.logger ?? console)
  const devOutbox =
    resolved.deliverToken === undefined
      ? createDevOutbox(resolved.logger === undefined ? {} : { logger: resolved.logger })
      : undefined
  const deliverToken = resolved.deliverToken ?? devOutbox?.deliverToken
  const amTokens = createAmTokenCache({
    fetchToken: () => getAccountManagerToken(accountManager, scope === undefined ? {} : { scope }),
    now,
  })
  const limiter = (rule: RateLimitRule | undefined): RateLimiter | undefined =>
    rule && createRateLimiter({ ...rule, maxKeys, now })
  const perLogin = limiter(resolved.perLogin)
  const perClient = limiter(resolved.perClient)

  /** Checks both limits, then charges both: a refused call charges neither. */
  const admit = (action: Action, login: string, client: string | undefined) => {
    const loginId = `${action}\n${loginKey(login)}`
    const clientId = client ? `${action}\n${client}` : undefined
    const wait = Math.max(
      perLogin?.check(loginId) ?? 0,
      clientId === undefined ? 0 : (perClient?.check(clientId) ?? 0),
    )
    if (wait > 0) {
      const message = `${OPERATIONS[action]}: too many password reset attempts; try again later`
      throw new ShopperSessionError('rate_limited', message, {
        operation: OPERATIONS[action],
        retryAfterMs: wait,
      })
    }
    perLogin?.hit(loginId)
    if (clientId !== undefined) perClient?.hit(clientId)
  }

  /** Runs `call` with the Account Manager token; a cached token SCAPI refused is replaced once. */
  const withAmToken = async <T>(call: (accessToken: string) => Promise<T>): Promise<T> => {
    const held = await amTokens.get()
    try {
      return await call(held.token)
    } catch (error) {
      if (held.fresh || !isShopperSessionError(error, 'invalid_token')) throw error
      amTokens.drop(held.token)
      return call((await amTokens.get()).token)
    }
  }

  const deliver = async (answer: {
    login: string
    email: string
    resetToken: string
    expiresInMinutes: number
  }) => {
    try {
      await deliverToken?.({
        login: answer.login,
        email: answer.email,
        token: answer.resetToken,
        expiresAt: now() + answer.expiresInMinutes * 60_000,
        expiresInMinutes: answer.expiresInMinutes,
      })
    } catch (error) {
      // Only the error's name: its message may quote the link, and with it the token.
      const name = error instanceof Error ? error.name : typeof error
      log.error(`[shopper-session] deliverToken failed (${name}) for a password reset`)
      // Neutral: an unknown login resolves, so a known one must too or the answer tells them
      // apart; the log line above is how the operator learns that no link went out.
      if (resolved.unknownLogin === 'neutral') return
      throw new ShopperSessionError(
        'server_error',
        'deliverToken failed: the reset token could not be delivered',
        { operation: 'deliverToken' },
      )
    }
  }

  return {
    devOutbox,
    async requestToken(login, callOptions = {}) {
      const operation = OPERATIONS.request
      const checked = checkField(operation, 'login', login)
      admit('request', checked, callOptions.client)
      const signal = callOptions.signal === undefined ? {} : { signal: callOptions.signal }
      let answer
      try {
        answer = await withAmToken((accessToken) =>
          getResetPasswordToken(scapi, { accessToken, body: { login: checked } }, signal),
        )
      } catch (error) {
        // Neutral: an unknown login looks exactly like a sent link (and delivers nothing).
        if (resolved.unknownLogin === 'neutral' && isShopperSessionError(error, 'not_found')) return
        throw error
      }
      await deliver(answer)
    },
    async resetPassword(input, callOptions = {}) {
      const operation = OPERATIONS.reset
      const given: Partial<PasswordResetSubmission> =
        typeof input === 'object' && input !== null ? input : {}
      const login = checkField(operation, 'login', given.login)
      const resetToken = checkField(operation, 'token', given.token)
      const newPassword = checkField(operation, 'newPassword', given.newPassword)
      admit('reset', login, callOptions.client)
      const signal = callOptions.signal === undefined ? {} : { signal: callOptions.signal }
      await withAmToken((accessToken) =>
        resetPasswordCall(scapi, { accessToken, body: { resetToken, login, newPassword } }, signal),
      )
    },
  }
}
