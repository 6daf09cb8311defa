/**
 * The session's view of its storage adapter: one key per organization, site and client, a
 * versioned JSON record validated on every read. Unreadable or partial data is removed and
 * reported as `corrupt` (the shopper continues as a guest); an expired refresh token is simply
 * no session.
 *
 * @module
 */
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import { ShopperSessionError } from '../errors.ts'
import { unrefTimer } from './clock.ts'
import { type StoredTokens, toStored } from './tokens.ts'
import type { SessionTokens } from '../../machines/contracts.ts'
import { type FieldRules, readFields } from '../validation/objects.ts'
import { integer, oneOf, optional, text } from '../validation/rules.ts'

/** Current record version; older or newer records are treated as corrupt and replaced. */
const VERSION = 1

/** The record as written: the stored tokens and the record version. */
type StoredRecord = StoredTokens & { v: typeof VERSION }

const token = text(8192)
const time = integer()

/** The rules of every record field, in the order bad fields are listed. */
const STORED_RULES: FieldRules<StoredRecord> = {
  v: oneOf(VERSION),
  accessToken: token,
  refreshToken: token,
  customerType: oneOf('guest', 'registered'),
  customerId: token,
  usid: token,
  loginId: optional(token),
  accessExpiresAt: time,
  refreshExpiresAt: time,
  accessLifetimeMs: optional(time),
}

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
export function storageKey(
  ...parts: [prefix: string, organizationId: string, siteId: string, clientId: string]
): string {
  return parts.join(':')
}

const NONE: StoreRead = { kind: 'none' }

/** What a stored value holds, read as is: a session (expired or not), none, or corrupt data. */
function parse(raw: string | null | undefined): StoreRead {
  if (raw == null) return NONE
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { kind: 'corrupt', reason: 'the stored session is not JSON' }
  }
  const read = readFields(STORED_RULES, json)
  if (read.ok) {
    const { v: _version, ...tokens } = read.value
    return { kind: 'session', tokens }
  }
  // Every bad field, by name; `(record)` when the record is not an object at all.
  const fields = read.refusals.map((refusal) =>
    typeof refusal === 'string' ? '(record)' : refusal.path.join('.'),
  )
  return { kind: 'corrupt', reason: `the stored session is invalid (${fields.join(', ')})` }
}

/** How long a storage adapter may take to answer (ms) before the session gives up on the call. */
export const STORAGE_TIMEOUT_MS = 5_000

/**
 * The adapter's answer to `call`, or `timeout` once {@link STORAGE_TIMEOUT_MS} passed: an adapter
 * that never settles must not hang the session (a sync throw rejects like a failed promise).
 */
function answer<T>(operation: string, call: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const message = `storage.${operation}: no answer within ${STORAGE_TIMEOUT_MS} ms`
      reject(new ShopperSessionError('timeout', message))
    }, STORAGE_TIMEOUT_MS)
    unrefTimer(timer)
    Promise.resolve()
      .then(call)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer))
  })
}

/** Wraps a storage adapter. Adapter failures and timeouts reject (the caller reports them). */
export function createSessionStore(adapter: StorageAdapter, key: string): SessionStore {
  // Every call is about the session's own key.
  const getRecord = () => answer('get', () => adapter.get(key))
  const removeRecord = () => answer('remove', () => adapter.remove(key))
  const write = (tokens: SessionTokens) =>
    answer('set', () => adapter.set(key, JSON.stringify({ v: VERSION, ...toStored(tokens) })))
  // True when the record holds a session of another refresh token (not nothing, not corrupt).
  const holdsOther = async (refreshToken: string) => {
    const found = parse(await getRecord())
    return found.kind === 'session' && found.tokens.refreshToken !== refreshToken
  }
  return {
    key,
    async read(now) {
      const found = parse(await getRecord())
      if (found.kind === 'none') return found
      if (found.kind === 'session' && found.tokens.refreshExpiresAt > now) return found
      // Corrupt data and an expired session are removed; an expired one is simply none.
      await removeRecord()
      return found.kind === 'corrupt' ? found : NONE
    },
    write,
    async replace(refreshToken, tokens) {
      if (await holdsOther(refreshToken)) return false
      await write(tokens)
      return true
    },
    async remove(refreshToken) {
      if (refreshToken === undefined || !(await holdsOther(refreshToken))) await removeRecord()
    },
  }
}
