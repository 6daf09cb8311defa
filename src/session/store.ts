/**
 * The session's view of its storage adapter: one key per organization, site and client, a
 * versioned JSON record validated on every read. Unreadable or partial data is removed and
 * reported as `corrupt` (the shopper continues as a guest); an expired refresh token is simply
 * no session.
 *
 * @module
 */
import * as z from 'zod/mini'
import { int, oneOf, text } from '../scapi/checks.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import { type StoredTokens, toStored } from './tokens.ts'
import type { SessionTokens } from '../../machines/contracts.ts'

/** Current record version; older or newer records are treated as corrupt and replaced. */
const VERSION = 1

const token = () => text(8192)
const time = () => int()

const StoredSchema = z.object({
  v: oneOf(VERSION),
  accessToken: token(),
  refreshToken: token(),
  customerType: oneOf('guest', 'registered'),
  customerId: token(),
  usid: token(),
  loginId: z.optional(token()),
  accessExpiresAt: time(),
  refreshExpiresAt: time(),
})

/** What a read found. */
export type StoreRead =
  | { kind: 'session'; tokens: StoredTokens }
  | { kind: 'none' }
  | { kind: 'corrupt'; reason: string }

/** Reads and writes the session record. */
export interface SessionStore {
  readonly key: string
  /** The stored tokens; corrupt data is removed before this resolves. */
  read(now: number): Promise<StoreRead>
  write(tokens: SessionTokens): Promise<void>
  /**
   * Writes `tokens` only while the stored record still holds `refreshToken` (or nothing): a
   * refresh that finishes after a logout or a login must not bring the old session back.
   */
  replace(refreshToken: string, tokens: SessionTokens): Promise<boolean>
  /** Removes the record while it still holds `refreshToken` (or always, without one). */
  remove(refreshToken?: string): Promise<void>
}

/** Builds the storage key: `{prefix}:{organizationId}:{siteId}:{clientId}`. */
export function storageKey(prefix: string, organizationId: string, siteId: string, clientId: string) {
  return [prefix, organizationId, siteId, clientId].join(':')
}

function parse(raw: string): StoredTokens | string {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return 'the stored session is not JSON'
  }
  const result = StoredSchema.safeParse(json)
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join('.') || '(record)')
    return `the stored session is invalid (${[...new Set(fields)].join(', ')})`
  }
  const { v: _version, ...tokens } = result.data
  return tokens
}

/** Wraps a storage adapter. Adapter failures reject (the caller reports them). */
export function createSessionStore(storage: StorageAdapter, key: string): SessionStore {
  const current = async (): Promise<StoredTokens | string | undefined> => {
    const raw = await storage.get(key)
    return raw === null || raw === undefined ? undefined : parse(raw)
  }
  return {
    key,
    async read(now) {
      const found = await current()
      if (found === undefined) return { kind: 'none' }
      if (typeof found === 'string') {
        await storage.remove(key)
        return { kind: 'corrupt', reason: found }
      }
      if (found.refreshExpiresAt <= now) {
        await storage.remove(key)
        return { kind: 'none' }
      }
      return { kind: 'session', tokens: found }
    },
    async write(tokens) {
      await storage.set(key, JSON.stringify({ v: VERSION, ...toStored(tokens) }))
    },
    async replace(refreshToken, tokens) {
      const found = await current()
      if (found !== undefined && typeof found !== 'string' && found.refreshToken !== refreshToken) {
        return false
      }
      await storage.set(key, JSON.stringify({ v: VERSION, ...toStored(tokens) }))
      return true
    },
    async remove(refreshToken) {
      if (refreshToken !== undefined) {
        const found = await current()
        if (found !== undefined && typeof found !== 'string' && found.refreshToken !== refreshToken) return
      }
      await storage.remove(key)
    },
  }
}
