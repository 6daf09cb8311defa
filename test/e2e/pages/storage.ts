/**
 * `/e2e/storage.html`: the browser storage adapters and the storage contract, bundled together so
 * the contract runs against the real `localStorage`, `sessionStorage` and `document.cookie`.
 */
import { createCookieStorage, type CookieStorageOptions } from '../../../adapters/storage/cookie.ts'
import { createLocalStorage } from '../../../adapters/storage/localStorage.ts'
import {
  createSessionStorage,
  type SessionStorageOptions,
} from '../../../adapters/storage/sessionStorage.ts'
import type { StorageAdapter } from '../../../adapters/storage/types.ts'
import { storageContract } from '../../adapters/storage/contract.ts'
import type { AdapterOptions, BrowserAdapterName, StoragePageApi } from './api.ts'

function create(adapter: BrowserAdapterName, options: AdapterOptions = {}): StorageAdapter {
  switch (adapter) {
    case 'localStorage':
      return createLocalStorage()
    case 'sessionStorage':
      return createSessionStorage(options as SessionStorageOptions)
    case 'cookie':
      return createCookieStorage(options as CookieStorageOptions)
  }
}

const api: StoragePageApi = {
  cases: () => storageContract.map((contractCase) => contractCase.name),
  async run(adapter, caseName, options) {
    const contractCase = storageContract.find((candidate) => candidate.name === caseName)
    if (contractCase === undefined) return `no contract case named ${caseName}`
    try {
      await contractCase.run(() => create(adapter, options))
      return 'passed'
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    }
  },
  async set(adapter, key, value, options) {
    await create(adapter, options).set(key, value)
  },
  async get(adapter, key, options) {
    return create(adapter, options).get(key)
  },
  async remove(adapter, key, options) {
    await create(adapter, options).remove(key)
  },
  createError(adapter, options) {
    try {
      create(adapter, options)
      return undefined
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    }
  },
}

window.e2eStorage = api
