/**
 * Session rows for `npm run bench`: the cost of one event through the session machine, and how
 * many refresh requests one expiry costs with 1, 10 and 100 concurrent callers.
 */
import { createActor, fromPromise } from 'xstate'
import type { SessionTokens } from '../../machines/contracts.ts'
import { type RestoredSession, sessionMachine } from '../../machines/sessionMachine.ts'
import { createEmulator } from '../../src/emulator/index.ts'
import { createServerSession } from '../../src/server/index.ts'
import { createShopperSession } from '../../src/session.ts'
import { publicSlasConfig } from '../support/slasConfig.ts'

const HOUR = 3_600_000
const BENCH_COOKIE_SECRET = 'bench-cookie-secret-0123456789abcdef0123456789'

function fixtureTokens(): SessionTokens {
  return {
    accessToken: 'bench-access',
    refreshToken: 'bench-refresh',
    customerType: 'registered',
    customerId: 'bench-customer',
    usid: 'bench-usid',
    accessExpiresAt: HOUR,
    refreshExpiresAt: 24 * HOUR,
    refreshInMs: HOUR,
    expiresInMs: HOUR,
  }
}

/** Microseconds per `session.check` event through a registered session (timers re-armed). */
export async function microsecondsPerEvent(events = 50_000): Promise<number> {
  const machine = sessionMachine.provide({
    actors: {
      restoreSession: fromPromise<RestoredSession>(async () => ({ tokens: fixtureTokens() })),
    },
  })
  const actor = createActor(machine, { input: { leewayMs: 60_000, transferBasket: false } })
  actor.start()
  await new Promise<void>((resolve) => {
    const subscription = actor.subscribe((snapshot) => {
      if (snapshot.hasTag('registered')) {
        subscription.unsubscribe()
        resolve()
      }
    })
  })
  const start = performance.now()
  for (let i = 0; i < events; i += 1) actor.send({ type: 'session.check', now: i })
  const elapsed = performance.now() - start
  actor.stop()
  return (elapsed * 1000) / events
}

/** Refresh requests caused by `callers` concurrent `getAccessToken()` calls on an expired token. */
export async function refreshesPerExpiry(callers: number): Promise<number> {
  const emulator = createEmulator()
  const session = createShopperSession({
    ...publicSlasConfig(emulator),
    now: () => emulator.control.now(),
  })
  const shopper = emulator.settings.shoppers[0]
  if (!shopper) throw new Error('bench: the emulator has no seeded shopper')
  await session.login(shopper.login, shopper.password)
  const before = emulator.control.requests('getAccessToken').length
  emulator.control.advanceTime(31 * 60_000)
  await Promise.all(Array.from({ length: callers }, () => session.getAccessToken()))
  session.stop()
  return emulator.control.requests('getAccessToken').length - before
}

/**
 * Heap bytes held per live server-side session (restored from a registered shopper's cookie, one
 * token read), measured over `count` sessions with a forced GC before and after (`--expose-gc`).
 */
export async function bytesPerServerSession(count = 2_000): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('bench: run node with --expose-gc (npm run bench does)')
  const emulator = createEmulator()
  const { shoppers } = emulator.settings
  // Server sessions seal their cookies: a fixed bench secret (never a real one).
  const config = { ...publicSlasConfig(emulator), cookieSecrets: [BENCH_COOKIE_SECRET] }
  const shopper = shoppers[0]
  if (!shopper) throw new Error('bench: the emulator has no seeded shopper')
  const first = createServerSession(config, { cookies: null, cookie: { secure: false } })
  await first.login(shopper.login, shopper.password)
  const cookies = first
    .setCookieHeaders()
    .map((line) => line.split(';')[0])
    .join('; ')
  first.stop()
  gc()
  const before = process.memoryUsage().heapUsed
  const alive = []
  for (let i = 0; i < count; i += 1) {
    const session = createServerSession(config, { cookies, cookie: { secure: false } })
    await session.getAccessToken()
    alive.push(session)
  }
  gc()
  const bytes = (process.memoryUsage().heapUsed - before) / count
  for (const session of alive) session.stop()
  return bytes
}
