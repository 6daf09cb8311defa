/**
 * Sessions wired to an in-process emulator, for the session tests: the emulator's real handler
 * behind `fetch`, memory storage, in-process coordination.
 */
import { createInProcessCoordination } from '../../adapters/coordination/inProcess.ts'
import { createMemoryStorage, type MemoryStorage } from '../../adapters/storage/memory.ts'
import type { Emulator, EmulatorOptions, EmulatorShopper } from '../../src/emulator/index.ts'
import { createShopperSession, type ShopperSession, type ShopperSessionConfig } from '../../src/session.ts'
import type { CoordinationAdapter } from '../../adapters/coordination/types.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { publicSlasConfig } from '../support/slasConfig.ts'

/** One emulator, one shared storage and bus, and a factory for sessions ("tabs") on them. */
export interface SessionHarness {
  emulator: Emulator
  storage: MemoryStorage
  coordination: CoordinationAdapter
  /** A new session on the shared storage (started by `ready()` and friends). */
  session(overrides?: Partial<ShopperSessionConfig>): ShopperSession
  /** The SLAS config the sessions use. */
  config: ShopperSessionConfig
  /** Requests the emulator received for `operation` so far. */
  count(operation: string): number
  /** The storage key the sessions share (`shopper-session:{org}:{site}:{client}`). */
  storageKey: string
}

/** Creates the harness; sessions are stopped when the test ends (`stopAll`). */
export function createSessionHarness(options: EmulatorOptions = {}): SessionHarness & { stopAll(): void } {
  const emulator = createTestEmulator(options)
  const storage = createMemoryStorage()
  const coordination = createInProcessCoordination()
  const config: ShopperSessionConfig = {
    ...publicSlasConfig(emulator),
    storage,
    coordination,
  }
  const sessions: ShopperSession[] = []
  return {
    emulator,
    storage,
    coordination,
    config,
    session(overrides = {}) {
      const session = createShopperSession({ ...config, ...overrides })
      sessions.push(session)
      return session
    },
    count: (operation) => emulator.control.requests(operation).length,
    storageKey: ['shopper-session', config.organizationId, config.siteId, config.clientId].join(':'),
    stopAll() {
      for (const session of sessions.splice(0)) session.stop()
    },
  }
}

/** The emulator's first seeded shopper (Ada), whom the session tests sign in as. */
export function seededShopper(harness: SessionHarness | undefined): EmulatorShopper {
  const shopper = harness?.emulator.settings.shoppers[0]
  if (!shopper) throw new Error('no seeded shopper')
  return shopper
}
