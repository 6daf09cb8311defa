/**
 * In-memory stand-ins for the browser APIs the storage adapters use, for browser-free unit tests.
 * The real ones run in Chromium (test/e2e/storage.spec.ts).
 */
import type { CookieJar } from '../../../adapters/storage/cookie.ts'
import type { WebStorageLike } from '../../../adapters/storage/webStorage.ts'

/** A `Storage` on a Map, with the entries visible for assertions. */
export function fakeWebStorage(): WebStorageLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    get length() {
      return entries.size
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
  }
}

/**
 * A `document.cookie` stand-in: a write sets or (with `Max-Age=0`) deletes one cookie, a read
 * lists `name=value` pairs; `written` keeps every write line; `limit` drops longer cookies as
 * browsers do.
 */
export function fakeCookieJar(limit = 4096): CookieJar & { written: string[]; names(): string[] } {
  const cookies = new Map<string, string>()
  const written: string[] = []
  return {
    written,
    names: () => [...cookies.keys()],
    get cookie() {
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    },
    set cookie(line: string) {
      written.push(line)
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (/;\s*Max-Age=0(?:;|$)/i.test(line)) cookies.delete(name)
      else if (name.length + value.length <= limit) cookies.set(name, value)
    },
  }
}
