/**
 * The real actors behind the machines' slots: SLAS and Shopper Customers calls, storage, locks
 * and notices. Every token-producing actor writes storage before it resolves, so "tokens
 * received" and "tokens saved" are one step for the machines, and tells the other sessions.
 *
 * @module
 */
import { fromPromise } from 'xstate'
import { type SessionTokens, TRANSIENT_ERROR_CODES } from '../machines/contracts.ts'
import type {
  GuestLoginInput,
  LoginInput,
  LogoutInput,
  OnBehalfInput,
  RegisterInput,
  RestoredSession,
  TransferBasketInput,
} from '../machines/sessionMachine.ts'
import type { RefreshActorInput, RefreshOutput } from '../machines/tokenRefreshMachine.ts'
import type { CoordinationAdapter } from '../adapters/coordination/types.ts'
import { ShopperSessionError } from './errors.ts'
import type { SessionTokenResponse as SessionTokenResponse } from './scapi/slasSchemas.ts'
import type { SessionSlas } from './session/slasWire.ts'
import type { SessionStore } from './session/store.ts'
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
  origin: string
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
}

/** Gets a registered shopper's tokens for `loginId` on behalf of a trusted system. */
export type TrustedSystemLogin = (loginId: string, usid: string) => Promise<SessionTokenResponse>

/** Lock names on the coordination bus. */
export const LOCKS = { session: 'shopper-session:session' } as const

// A stored access token this close to expiry is not worth adopting: refresh instead.
const ADOPT_MARGIN_MS = 5_000

/** The work behind each actor slot, for one session: plain async functions over its deps. */
export function createSessionWork(deps: ActorDeps) {
  const { store, coordination, now, leewayMs } = deps
  const lockName = `${LOCKS.session}:${store.key}`
  const lock = <T>(task: () => Promise<T>) => coordination.lock(lockName, task)
  const announce = () =>
    coordination.publish({ type: 'session.changed', key: store.key, origin: deps.origin })
  const receive = (response: SessionTokenResponse, owner: TokenOwner) =>
    fromTokenResponse(response, now(), leewayMs, owner)
  const save = async (tokens: SessionTokens) => {
    try {
      await store.write(tokens)
      announce()
    } catch (error) {
      deps.onStorageError(error)
    }
    return tokens
  }
  // Stored tokens another session wrote that are still good to use.
  const adoptable = async (notFrom?: string): Promise<SessionTokens | undefined> => {
    let found: Awaited<ReturnType<SessionStore['read']>>
    try {
      found = await store.read(now())
    } catch (error) {
      deps.onStorageError(error)
      return undefined
    }
    if (found.kind !== 'session') return undefined
    if (found.tokens.refreshToken === notFrom) return undefined
    const tokens = measure(found.tokens, now(), leewayMs)
    return tokens.expiresInMs > ADOPT_MARGIN_MS ? tokens : undefined
  }

  // A login's tokens, saved under the lock (the request itself runs outside it: a login never
  // waits for another tab's refresh).
  const signedIn = async (loginId: string, request: Promise<SessionTokenResponse>) => {
    const response = await request
    return lock(() => save(receive(response, { customerType: 'registered', loginId })))
  }

  // Removes the stored session (while it still holds `refreshToken`) and tells the others.
  const forget = async (refreshToken: string | undefined) => {
    try {
      await store.remove(refreshToken)
      announce()
    } catch (error) {
      deps.onStorageError(error)
    }
  }

  return {
    restoreSession: async (): Promise<RestoredSession> => {
      const found = await store.read(now())
      if (found.kind === 'corrupt') return { tokens: undefined, corrupt: found.reason }
      if (found.kind === 'none') return { tokens: undefined }
      return { tokens: measure(found.tokens, now(), leewayMs) }
    },

    // Under the lock, so that five tabs opening at once create one guest session.
    authorizeCustomer: (input: GuestLoginInput): Promise<SessionTokens> =>
      lock(async () => {
        const existing = await adoptable()
        if (existing) return existing
        const response = await deps.slas.guest(input.usid || undefined)
        return save(receive(response, { customerType: 'guest' }))
      }),

    authenticateCustomer: (input: LoginInput) =>
      signedIn(input.username, deps.slas.login(input.username, input.password, input.guest.usid)),

    // Trusted system on behalf of a customer: only server sessions provide it.
    getTrustedSystemAccessToken: async (input: OnBehalfInput) => {
      const { trustedSystem } = deps
      if (!trustedSystem) {
        throw new ShopperSessionError('invalid_config', 'login.onBehalf: server sessions only')
      }
      return signedIn(input.loginId, trustedSystem(input.loginId, input.guest.usid))
    },

    registerCustomer: async (input: RegisterInput) => {
      await deps.calls.registerCustomer(input.guest.accessToken, input.customer, input.password)
      const { login } = input.customer
      return signedIn(login, deps.slas.login(login, input.password, input.guest.usid))
    },

    transferBasket: async (input: TransferBasketInput): Promise<void> => {
      await deps.calls.transferBasket(input.tokens.accessToken)
    },

    // Local sign-out first: whatever the remote answers, this session and the others end.
    logoutCustomer: async (input: LogoutInput): Promise<void> => {
      const { tokens } = input
      await lock(() => forget(tokens?.refreshToken))
      if (tokens?.customerType !== 'registered' || !input.remote) return
      await deps.slas.logout(tokens.accessToken, tokens.refreshToken, input.allSessions)
    },

    // The critical section of design 3.2: lock → re-read → adopt, or spend the refresh token →
    // write → tell. No abort signal reaches the request: a sent refresh is never abandoned, and
    // its result is written even when the machine has moved on (the old token is spent).
    getAccessToken: (input: RefreshActorInput): Promise<RefreshOutput> =>
      lock(async () => {
        const { tokens } = input
        const adopted = await adoptable(tokens.refreshToken)
        // Another session's tokens for the same shopper (or for an imported session whose shopper
        // was still unknown) are adopted instead of spending ours.
        const sameShopper =
          adopted?.customerId === tokens.customerId || tokens.customerId === IMPORT_PENDING
        if (adopted && sameShopper) {
          return { outcome: 'adopted' as const, tokens: adopted }
        }
        const run = () =>
          deps.slas.refresh(tokens.refreshToken)
        let response: SessionTokenResponse
        try {
          response = await (deps.shareRefresh ? deps.shareRefresh(tokens.refreshToken, run) : run())
        } catch (error) {
          if (isDeadGrant(error)) await forget(tokens.refreshToken)
          throw error
        }
        // A refresh keeps the shopper: the same type and login as the tokens it replaces.
        const next = receive(response, tokens)
        try {
          if (await store.replace(tokens.refreshToken, next)) announce()
        } catch (error) {
          deps.onStorageError(error)
        }
        return { outcome: 'refreshed' as const, tokens: next }
      }),
  }
}

// Any refusal that retrying cannot fix ends the stored session: left in storage, it would be
// adopted by the next guest sign-in and refused again, in a loop.
function isDeadGrant(error: unknown): boolean {
  return error instanceof ShopperSessionError && !TRANSIENT_ERROR_CODES.includes(error.code)
}

/** The work of one session. */
export type SessionWork = ReturnType<typeof createSessionWork>

// Each session's work, found through its actor system (shared by the session actor and its
// children): the actor logic below is built once for every session, not per session.
const WORK = new WeakMap<object, SessionWork>()

/** Makes `work` the one the actors of `system` (an actor's `.system`) run. */
export function bindSessionWork(system: object, work: SessionWork): void {
  WORK.set(system, work)
}

function workOf(system: object): SessionWork {
  const work = WORK.get(system)
  if (!work) {
    const message = 'session actors run only in createShopperSession'
    throw new ShopperSessionError('invalid_config', message)
  }
  return work
}

// An actor running one piece of its session's work.
function slot<Input, Output>(pick: (work: SessionWork) => (input: Input) => Promise<Output>) {
  return fromPromise<Output, Input>(({ input, system }) => pick(workOf(system))(input))
}

/**
 * The actor slots' implementations, shared by every session: each finds its session's work
 * through the actor system. Building them (and the machine) once keeps a server session small.
 */
export const sessionActors = {
  restoreSession: slot((work) => work.restoreSession),
  authorizeCustomer: slot((work) => work.authorizeCustomer),
  authenticateCustomer: slot((work) => work.authenticateCustomer),
  getTrustedSystemAccessToken: slot((work) => work.getTrustedSystemAccessToken),
  registerCustomer: slot((work) => work.registerCustomer),
  transferBasket: slot((work) => work.transferBasket),
  logoutCustomer: slot((work) => work.logoutCustomer),
}

/** The refresh timer's actor, shared like {@link sessionActors}. */
export const refreshActor = slot((work) => work.getAccessToken)
