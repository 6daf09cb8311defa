/**
 * The storage-port contract every storage adapter passes. Runtime-neutral (no vitest, no `node:`)
 * so the same cases run in vitest for the Node adapters and inside a Chromium page, bundled by
 * the e2e server, for the browser ones (test/e2e/storage.spec.ts).
 *
 * Each case gets a fresh adapter from the factory, uses keys of its own and removes them at the
 * end, so cases can share one real `localStorage` or cookie jar. Failure messages describe the
 * difference without printing stored values (a browser session record would hold tokens).
 */
import type { StorageAdapter } from '../../../adapters/storage/types.ts'

/** Makes a fresh adapter for one case. */
export type StorageFactory = () => StorageAdapter | Promise<StorageAdapter>

/** One contract case. */
export interface StorageContractCase {
  name: string
  run(factory: StorageFactory): Promise<void>
}

/** The function tests are registered with: vitest's `it`, or a stand-in. */
export type RegisterTest = (name: string, body: () => Promise<void>) => void

class ContractError extends Error {
  override name = 'ContractError'
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters`
  return value === null ? 'null' : typeof value
}

function equal(actual: unknown, expected: string, what: string): void {
  if (actual === expected) return
  let at = ''
  if (typeof actual === 'string') {
    let index = 0
    while (index < actual.length && actual[index] === expected[index]) index++
    at = `, first difference at index ${index}`
  }
  throw new ContractError(
    `${what}: expected ${describeValue(expected)}, got ${describeValue(actual)}${at}`,
  )
}

function missing(actual: unknown, what: string): void {
  if (actual === null || actual === undefined) return
  throw new ContractError(`${what}: expected null or undefined, got ${describeValue(actual)}`)
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

let counter = 0
/** Keys unique to one case run: `:` inside, as the session's keys have. */
function keyFor(label: string): string {
  counter += 1
  const random = Math.random().toString(36).slice(2, 8)
  return `contract:${label}:${random}${counter}`
}

/** A session-like record of about `bytes` characters (JWT-shaped tokens, JSON). */
export function sessionLikeRecord(bytes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let filler = ''
  for (let index = 0; filler.length < bytes; index++)
    filler += alphabet[(index * 7) % alphabet.length]
  const record = {
    v: 1,
    accessToken: `eyJhbGciOiJFUzI1NiJ9.${filler.slice(0, Math.floor(bytes * 0.75))}.sig`,
    refreshToken: `contract-refresh-${filler.slice(0, 64)}`,
    customerType: 'registered',
    customerId: 'abcXYZ123',
    usid: '7b7a4d1e-5b2c-4f3a-9d8e-1a2b3c4d5e6f',
    loginId: 'ada@example.com',
    accessExpiresAt: 1_900_000_000_000,
    refreshExpiresAt: 1_907_776_000_000,
  }
  let json = JSON.stringify(record)
  // Pad to the size asked for, still valid JSON.
  if (json.length < bytes)
    json = JSON.stringify({ ...record, pad: 'x'.repeat(bytes - json.length - 9) })
  return json
}

/** Runs `body` with a fresh adapter and key(s), removing the keys afterwards. */
async function withKeys(
  factory: StorageFactory,
  labels: string[],
  body: (storage: StorageAdapter, keys: string[]) => Promise<void>,
): Promise<void> {
  const storage = await factory()
  const keys = labels.map(keyFor)
  try {
    await body(storage, keys)
  } finally {
    for (const key of keys) await storage.remove(key)
  }
}

async function roundTrip(factory: StorageFactory, value: string, what: string): Promise<void> {
  await withKeys(factory, ['value'], async (storage, [key = '']) => {
    await storage.set(key, value)
    equal(await storage.get(key), value, what)
  })
}

/** Every case of the contract, in order. */
export const storageContract: readonly StorageContractCase[] = [
  {
    name: 'a missing key reads as null or undefined',
    run: (factory) =>
      withKeys(factory, ['missing'], async (storage, [key = '']) => {
        missing(await storage.get(key), 'get of a key never written')
      }),
  },
  {
    name: 'round trip: get returns exactly what set stored',
    run: (factory) => roundTrip(factory, '{"v":1,"note":"a; b, \\"c\\" d=e %41 +"}', 'round trip'),
  },
  {
    name: 'overwrite: the last write wins',
    run: (factory) =>
      withKeys(factory, ['overwrite'], async (storage, [key = '']) => {
        await storage.set(key, 'first')
        await storage.set(key, 'second value, longer than the first')
        equal(await storage.get(key), 'second value, longer than the first', 'after overwrite')
        await storage.set(key, 'x')
        equal(await storage.get(key), 'x', 'after a shorter overwrite')
      }),
  },
  {
    name: 'remove: the key reads as missing; removing twice or a missing key is fine',
    run: (factory) =>
      withKeys(factory, ['remove', 'never'], async (storage, [key = '', never = '']) => {
        await storage.set(key, 'to be removed')
        await storage.remove(key)
        missing(await storage.get(key), 'get after remove')
        await storage.remove(key)
        await storage.remove(never)
        missing(await storage.get(key), 'get after a second remove')
      }),
  },
  {
    name: 'large values: a 6 KB session record round-trips, then shrinks without leftovers',
    run: (factory) =>
      withKeys(factory, ['large'], async (storage, [key = '']) => {
        const large = sessionLikeRecord(6 * 1024)
        await storage.set(key, large)
        equal(await storage.get(key), large, '6 KB record')
        const small = sessionLikeRecord(600)
        await storage.set(key, small)
        equal(await storage.get(key), small, 'small record after the large one')
        await storage.set(key, large)
        await storage.remove(key)
        missing(await storage.get(key), 'get after removing the large record')
      }),
  },
  {
    name: 'unicode: non-ASCII text, emoji and control-free symbols round-trip',
    run: (factory) =>
      roundTrip(
        factory,
        'Ada Lövelace — 東京 🛒👩🏽‍💻 “quoted” ½ \u00a0tab\tnew\nline',
        'unicode value',
      ),
  },
  {
    name: 'keys with `:`, `.`, `%`, spaces and non-ASCII stay distinct',
    run: (factory) =>
      withKeys(factory, ['a:b', 'a.b', 'a%3Ab', 'a b', 'é'], async (storage, keys) => {
        for (const [index, key] of keys.entries()) await storage.set(key, `value ${index}`)
        for (const [index, key] of keys.entries()) {
          equal(await storage.get(key), `value ${index}`, `key #${index}`)
        }
      }),
  },
  {
    name: 'isolation: writing or removing one key leaves the others alone',
    run: (factory) =>
      withKeys(
        factory,
        ['one', 'two', 'one.0'],
        async (storage, [one = '', two = '', prefix = '']) => {
          await storage.set(one, sessionLikeRecord(5000))
          await storage.set(two, 'two')
          await storage.set(prefix, 'prefix-like')
          await storage.remove(one)
          missing(await storage.get(one), 'removed key')
          equal(await storage.get(two), 'two', 'other key')
          equal(await storage.get(prefix), 'prefix-like', 'key that extends the removed one')
        },
      ),
  },
  {
    name: 'results are values or promises of them: get a string or nothing, set and remove void',
    run: (factory) =>
      withKeys(factory, ['shape'], async (storage, [key = '']) => {
        const settled = async (result: unknown) => (isThenable(result) ? await result : result)
        const written = await settled(storage.set(key, 'shape'))
        if (written !== undefined) throw new ContractError(`set resolved ${describeValue(written)}`)
        const read = await settled(storage.get(key))
        equal(read, 'shape', 'get result')
        const removed = await settled(storage.remove(key))
        if (removed !== undefined)
          throw new ContractError(`remove resolved ${describeValue(removed)}`)
        missing(await settled(storage.get(key)), 'get after remove')
      }),
  },
  {
    name: 'a second adapter from the same factory does not disturb the first one',
    run: (factory) =>
      withKeys(factory, ['second'], async (storage, [key = '']) => {
        await storage.set(key, 'kept')
        await factory()
        equal(await storage.get(key), 'kept', 'value after creating another adapter')
      }),
  },
]

/** Registers one test per contract case, e.g. `registerStorageContract(it, () => createX())`. */
export function registerStorageContract(test: RegisterTest, factory: StorageFactory): void {
  for (const contractCase of storageContract)
    test(contractCase.name, () => contractCase.run(factory))
}
