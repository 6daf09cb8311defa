/**
 * The storage contract (contract.ts) against every adapter in Node: memory and serverCookie for
 * real, the browser adapters over in-memory stand-ins (their real runs are in Chromium, see
 * test/e2e/storage.spec.ts).
 */
import { describe, it } from 'vitest'
import { createCookieStorage } from '../../../adapters/storage/cookie.ts'
import { createLocalStorage } from '../../../adapters/storage/localStorage.ts'
import { createMemoryStorage } from '../../../adapters/storage/memory.ts'
import { createServerCookieStorage } from '../../../adapters/storage/serverCookie.ts'
import { createSessionStorage } from '../../../adapters/storage/sessionStorage.ts'
import { registerStorageContract } from './contract.ts'
import { fakeCookieJar, fakeWebStorage } from './fakes.ts'

describe('storage contract: memory', () => {
  registerStorageContract(it, () => createMemoryStorage())
})

describe('storage contract: serverCookie (one request)', () => {
  registerStorageContract(it, () => createServerCookieStorage(null))
})

describe('storage contract: async adapter (promises everywhere)', () => {
  const map = new Map<string, string>()
  registerStorageContract(it, () => ({
    get: async (key) => map.get(key) ?? null,
    set: async (key, value) => void map.set(key, value),
    remove: async (key) => void map.delete(key),
  }))
})

describe('storage contract: browser adapters on stand-ins', () => {
  const local = fakeWebStorage()
  const session = fakeWebStorage()
  const jar = fakeCookieJar()
  describe('localStorage', () =>
    registerStorageContract(it, () => createLocalStorage({ storage: local })))
  describe('sessionStorage', () => {
    registerStorageContract(it, () => createSessionStorage({ storage: session }))
  })
  describe('cookie', () =>
    registerStorageContract(it, () => createCookieStorage({ document: jar })))
})
