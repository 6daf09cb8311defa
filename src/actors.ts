/**
 * The real actors behind the machines' slots: SLAS and Shopper Customers calls, storage, locks
 * and notices. Every token-producing actor writes storage before it resolves, so "tokens
 * received" and "tokens saved" are one step for the machines, and tells the other sessions.
 *
 * @module
 */
import { isTransientError, type SessionTokens } from '../machines/contracts.ts'
import type {
  GuestLoginInput,
  LoginInput,
  LogoutInput,
  OnBehalfInput,
  RegisterInput,
  RestoredSession,
  StorageProblem,
  TransferBasketInput,
} from '../machines/sessionMachine.ts'
import type { RefreshActorInput, RefreshOutput } from '../machines/tokenRefreshMachine.ts'
import type { CoordinationAdapter } from '../adapters/coordination/types.ts'
import { isShopperSessionError, ShopperSessionError } from './errors.ts'
import { openSecret } from './secret.ts'
import { sameLogin } from './session/actions.ts'
import { unrefTimer } from './session/clock.ts'
import type { SessionTokenResponse as SessionTokenResponse } from './scapi/slasSchemas.ts'
import type { SessionSlas } from './session/slasWire.ts'
import type { SessionStore, StoreRead } from './session/store.ts'
import { fromTokenResponse, IMPORT_PENDING, measure, type TokenOwner } from './session/tokens.ts'

/** Calls the session needs beyond SLAS (registration, basket transfer). */
export interface ShopperCalls {
  /** registerCustomer with the guest's token; resolves when the shopper exists. */
  registerCustomer(
    accessToken: string,
    customer: RegisterInput['customer'],
    password: string,
  ): Promise<void>
  /** transferBasket (merge) with the registered shopper's token. */
  transferBasket(accessToken: string): Promise<void>
}

/**
 * Shares one refresh between callers that hold the same refresh token (server: concurrent
 * requests of one shopper). Returns `run()`'s promise, or the one already running for the token.
 */
export type RefreshSharing = (
  refreshToken: string,
  run: () => Promise<SessionTokenResponse>,
) => Promise<SessionTokenResponse>

/** What the actors are built from. */
export interface ActorDeps {
  /** The SLAS requests (Do Not Track already applied). */
  slas: SessionSlas
  store: SessionStore
  coordination: CoordinationAdapter
  /** This session's id on the coordination bus. */
  busId: string
  now: () => number
  leewayMs: number
  calls: ShopperCalls
  /** Deduplicates refreshes of one refresh token in this process (server). */
  shareRefresh?: RefreshSharing
  /**
   * A storage read or write failed. The session goes on with the tokens in memory (a shopper is
   * never logged out because storage broke); the session reports it as `storage.failed`.
   */
  onStorageError(error: unknown): void
  /**
   * Trusted system on behalf (private clients). Provided by `shopper-session/server` only, so
   * the browser bundle never carries it.
   */
  trustedSystem?: TrustedSystemLogin
  /**
   * Verifies every access token read from storage or received, and takes whose tokens they are
   * from it (server sessions). Without it, the flow that asked for the tokens says whose they are.
   */
  identify?: IdentifyTokens
}

/** Whose tokens these are, as the access token itself says (see {@link IdentifyTokens}). */
export interface TokenIdentity {
  customerType: SessionTokens['customerType']
  customerId: string
  usid: string
  /** Registered shoppers: the login. */
  loginId?: string | undefined
}

/**
 * Says whose tokens these are from the access token itself, verified (server sessions check it
 * against SLAS's JWKS), so that nothing the client holds decides who the shopper is. Rejects with
 * `tampered` when the token does not verify, or with a transient error when the keys cannot be
 * fetched now.
 */
export type IdentifyTokens = (accessToken: string) => Promise<TokenIdentity>

/** Gets a registered shopper's tokens for `loginId` on behalf of a trusted system. */
export type TrustedSystemLogin = (loginId: string, usid: string) => Promise<SessionTokenResponse>

/** Lock names on the coordination bus. */
export const LOCKS = { session: 'shopper-session:session' } as const

// A stored access token this close to expiry is not worth adopting: refresh instead.
const ADOPT_MARGIN_MS = 5_000

/**
 * Refreshes of one session are at least this far apart (ms): a server that sends very short
 * lifetimes cannot make a session refresh in a loop; callers wait out the rest.
 */
export const MIN_REFRESH_INTERVAL_MS = 1_000

/** The work behind each actor slot, for one session: plain async functions over its deps. */
export function createSessionWork(deps: ActorDeps) {
  // Without sharing (browsers), each refresh simply runs.
  const { store, coordination, now, leewayMs, slas, shareRefresh = (_token, run) => run() } = deps
  // A coordinator that could not get the lock in time (adapters throw plain errors with a code:
  // they never import src/) fails like any request that timed out: coded, transient, retried.
  const lock = <T>(task: () => Promise<T>) =>
    coordination.lock(`${LOCKS.session}:${store.key}`, task).catch((error: unknown) => {
      if (error instanceof ShopperSessionError || (error as { code?: unknown })?.code !== 'timeout') {
        throw error
      }
      throw new ShopperSessionError('timeout', (error as Error).message, { cause: error })
    })
  const receive = (response: SessionTokenResponse, owner: TokenOwner) =>
    identified(fromTokenResponse(response, now(), leewayMs, owner), owner.loginId)
  // With `identify`, the verified access token says whose tokens these are, whatever a stored
  // field says; tokens that come back for another login than the one asked for are refused.
  const identified = async (tokens: SessionTokens, login?: string): Promise<SessionTokens> => {
    if (!deps.identify || tokens.accessToken === IMPORT_PENDING) return tokens
    const who = await deps.identify(tokens.accessToken)
    const registered = who.customerType === 'registered'
    if (login !== undefined && !(registered && sameLogin(who.loginId, login))) {
      throw new ShopperSessionError(
        'invalid_response',
        'SLAS answered with tokens of another shopper',
      )
    }
    return { ...tokens, ...who, loginId: registered ? who.loginId : undefined }
  }
  // Storage trouble never logs a shopper out: it is reported and the session goes on in memory.
  const guarded = async <T>(operation: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await operation()
    } catch (error) {
      deps.onStorageError(error)
      return undefined
    }
  }
  // A storage change, told to the other sessions unless it was not made (`false`).
  const change = (operation: () => Promise<unknown>) =>
    guarded(async () => {
      if ((await operation()) !== false) {
        coordination.publish({ type: 'session.changed', key: store.key, sender: deps.busId })
      }
    })
  const save = async (tokens: SessionTokens) => {
    await change(() => store.write(tokens))
    return tokens
  }
  // Stored tokens another session wrote that are still good to use.
  const adoptable = async (notFrom?: string): Promise<SessionTokens | undefined> => {
    const found = await guarded(() => store.read(now()))
    if (found?.kind !== 'session' || found.tokens.refreshToken === notFrom) return undefined
    const tokens = measure(found.tokens, now(), leewayMs)
    if (tokens.expiresInMs <= ADOPT_MARGIN_MS) return undefined
    // Stored tokens are checked like restored ones; what does not verify is not adopted.
    return identified(tokens).catch(() => undefined)
  }

  // A login's tokens, saved under the lock (the request itself runs outside it: a login never
  // waits for another tab's refresh).
  // A login that was overtaken while on the wire (a logout, another tab's login stopped its
  // actor) never becomes the session, and SLAS is told to end it.
  const signedIn = async (
    loginId: string,
    request: Promise<SessionTokenResponse>,
    signal: AbortSignal,
  ) => {
    const tokens = await receive(await request, { customerType: 'registered', loginId })
    return lock(async () => {
      if (!signal.aborted) return save(tokens)
      slas.logout(tokens.accessToken, tokens.refreshToken, false).catch(() => undefined)
      throw new ShopperSessionError(
        'aborted',
        'The login was overtaken by a logout or another login.',
      )
    })
  }

  // When this session last got new tokens from a refresh (see MIN_REFRESH_INTERVAL_MS).
  let lastRefreshAt: number | undefined
  const spaceRefreshes = async () => {
    const wait = lastRefreshAt === undefined ? 0 : lastRefreshAt + MIN_REFRESH_INTERVAL_MS - now()
    if (wait <= 0) return
    await new Promise((resolve) => {
      unrefTimer(setTimeout(resolve, Math.min(wait, MIN_REFRESH_INTERVAL_MS)))
    })
  }

  // Removes the stored session (while it still holds `refreshToken`) and tells the others.
  const forget = (refreshToken: string | undefined) => change(() => store.remove(refreshToken))

  // Stored data the session cannot use: a transient failure (storage or key fetch timing out)
  // rejects, so the machine retries and nothing is lost; forged data (`tampered`, from a sealing
  // storage or the token check) is removed; anything else is reported as `problem`.
  const unusable = async (
    error: unknown,
    problem: StorageProblem,
    reason: string,
  ): Promise<RestoredSession> => {
    if (error instanceof ShopperSessionError && isTransientError(error)) throw error
    const tampered = problem === 'tampered' || isShopperSessionError(error, 'tampered')
    if (tampered) await guarded(() => store.remove())
    const message = tampered && error instanceof ShopperSessionError ? error.message : reason
    return { tokens: undefined, corrupt: tampered ? 'tampered' : problem, reason: message }
  }

  return tracked({
    // Unreadable, invalid or forged data is reported and the shopper starts as a guest; a
    // transient failure (storage or key fetch timing out) rejects, and the machine retries.
    restoreSession: async (): Promise<RestoredSession> => {
      let found: StoreRead
      try {
        found = await store.read(now())
      } catch (error) {
        return unusable(error, 'unreadable', 'the stored session could not be read')
      }
      if (found.kind === 'corrupt') {
        return { tokens: undefined, corrupt: 'invalid', reason: found.reason }
      }
      if (found.kind === 'none') return { tokens: undefined }
      try {
        return { tokens: await identified(measure(found.tokens, now(), leewayMs)) }
      } catch (error) {
        return unusable(error, 'tampered', 'the stored access token does not verify')
      }
    },

    // Under the lock, so that five tabs opening at once create one guest session.
    authorizeCustomer: (input: GuestLoginInput): Promise<SessionTokens> =>
      lock(
        async () =>
          (await adoptable()) ??
          save(await receive(await slas.guest(input.usid || undefined), { customerType: 'guest' })),
      ),

    authenticateCustomer: async (input: LoginInput, signal: AbortSignal) => {
      const password = openSecret(input.password, 'password')
      return signedIn(
        input.username,
        slas.login(input.username, password, input.guest.usid),
        signal,
      )
    },

    // Trusted system on behalf of a customer: only server sessions provide it.
    getTrustedSystemAccessToken: async (input: OnBehalfInput, signal: AbortSignal) => {
      const { trustedSystem } = deps
      if (!trustedSystem) {
        throw new ShopperSessionError('invalid_config', 'login.onBehalf: server sessions only')
      }
      return signedIn(input.loginId, trustedSystem(input.loginId, input.guest.usid), signal)
    },

    registerCustomer: async (input: RegisterInput, signal: AbortSignal) => {
      const password = openSecret(input.password, 'password')
      await deps.calls.registerCustomer(input.guest.accessToken, input.customer, password)
      const { login } = input.customer
      return signedIn(login, slas.login(login, password, input.guest.usid), signal)
    },

    transferBasket: (input: TransferBasketInput): Promise<void> =>
      deps.calls.transferBasket(input.tokens.accessToken),

    // Local sign-out first: whatever the remote answers, this session and the others end.
    logoutCustomer: async (input: LogoutInput): Promise<void> => {
      const { tokens } = input
      await lock(() => forget(tokens?.refreshToken))
      if (tokens?.customerType !== 'registered' || !input.remote) return
      await slas.logout(tokens.accessToken, tokens.refreshToken, input.allSessions)
    },

    // One critical section, since a public client's refresh token is single use: lock → re-read →
    // adopt the tokens another tab wrote, or spend the refresh token → write → tell. No abort
    // signal reaches the request: a sent refresh is never abandoned, and its result is written even
    // when the machine has moved on (the old token is spent).
    getAccessToken: async (input: RefreshActorInput): Promise<RefreshOutput> => {
      await spaceRefreshes()
      return lock(async () => {
        const { tokens } = input
        const { refreshToken } = tokens
        const adopted = await adoptable(refreshToken)
        // Another session's tokens for the same shopper (or for an imported session whose shopper
        // was still unknown) are adopted instead of spending ours.
        if (
          adopted &&
          (adopted.customerId === tokens.customerId || tokens.customerId === IMPORT_PENDING)
        ) {
          return { outcome: 'adopted', tokens: adopted }
        }
        const response = await shareRefresh(refreshToken, () => slas.refresh(refreshToken)).catch(
          async (error: unknown) => {
            // Any refusal that retrying cannot fix ends the stored session: left in storage, it
            // would be adopted by the next guest sign-in and refused again, in a loop.
            if (error instanceof ShopperSessionError && !isTransientError(error)) {
              await forget(refreshToken)
            }
            throw error
          },
        )
        // A refresh keeps the shopper: the same type and login as the tokens it replaces.
        // Failed attempts are spaced by the backoff; successful ones by MIN_REFRESH_INTERVAL_MS.
        lastRefreshAt = now()
        const next = await receive(response, tokens)
        await change(() => store.replace(refreshToken, next))
        return { outcome: 'refreshed', tokens: next }
      })
    },
  })
}

/**
 * `work` with every call tracked, plus `settled()`: resolves once every call made so far has
 * finished (a stopped session's sent refresh or login still writes its result first).
 */
function tracked<W extends Record<string, (...args: never[]) => Promise<unknown>>>(work: W) {
  const running = new Set<Promise<unknown>>()
  const wrapped = Object.fromEntries(
    Object.entries(work).map(([name, run]) => [
      name,
      (...args: never[]) => {
        const call = run(...args)
        running.add(call)
        const done = () => running.delete(call)
        call.then(done, done)
        return call
      },
    ]),
  ) as W
  return {
    ...wrapped,
    settled: async (): Promise<void> => {
      while (running.size > 0) await Promise.allSettled([...running])
    },
  }
}

/** The work of one session. */
export type SessionWork = ReturnType<typeof createSessionWork>
