/**
 * The per-request cookie storage: round trip, chunking, removal, lenient parsing, encoding, the
 * request forms it reads (header string, Headers, Node's plain header object), and clear errors
 * for arguments of the wrong type (shared with the browser cookie adapter).
 */
import { describe, expect, it } from 'vitest'
import { createCookieStorage } from '../../../adapters/storage/cookie.ts'
import {
  createServerCookieStorage,
  parseCookieHeader,
  serverCookieName,
  type ServerCookieStorage,
} from '../../../adapters/storage/serverCookie.ts'
import { fakeCookieJar } from './fakes.ts'

const KEY = 'shopper-session:f_ecom_zzte_001:RefArch:client-1'
const NAME = 'shopper-session%3Af_ecom_zzte_001%3ARefArch%3Aclient-1'

/** What a browser would send back: each Set-Cookie's name=value, Max-Age=0 ones dropped. */
function browserCookieHeader(setCookies: string[], before = ''): string {
  const jar = parseCookieHeader(before)
  for (const line of setCookies) {
    const [pair = ''] = line.split(';')
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq)
    if (/;\s*Max-Age=0(?:;|$)/.test(line)) jar.delete(name)
    else jar.set(name, pair.slice(eq + 1))
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}

function names(storage: ServerCookieStorage): string[] {
  return storage.setCookieHeaders().map((line) => line.slice(0, line.indexOf('=')))
}

describe('serverCookieName', () => {
  it('escapes everything outside [A-Za-z0-9_-], so `:` never reaches a cookie name', () => {
    expect(serverCookieName(KEY)).toBe(NAME)
    expect(serverCookieName('a.b c;d=é')).toBe('a%2Eb%20c%3Bd%3D%C3%A9')
    expect(serverCookieName(KEY)).toMatch(/^[A-Za-z0-9_%-]+$/)
  })

  it('is injective on the characters it escapes (no two keys share a name)', () => {
    const keys = ['a:b', 'a.b', 'a%3Ab', 'a_b', 'a-b', 'a%2Eb']
    expect(new Set(keys.map(serverCookieName)).size).toBe(keys.length)
  })
})

describe('createServerCookieStorage', () => {
  it('round trip: a write becomes one Set-Cookie; the next request reads it', () => {
    const first = createServerCookieStorage(null)
    expect(first.get(KEY)).toBeUndefined()
    const value = JSON.stringify({ v: 1, token: 'abc.def-ghi_jkl', note: 'a; b, "c" d=e é' })
    first.set(KEY, value)
    expect(first.get(KEY)).toBe(value) // the same request sees its own write
    const [line, ...rest] = first.setCookieHeaders()
    expect(rest).toEqual([])
    expect(line?.startsWith(`${NAME}=`)).toBe(true)
    expect(line?.slice(0, line.indexOf(';'))).toMatch(/^[^\s",\\]+$/)
    expect(line).toContain('; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=7776000')
    const second = createServerCookieStorage(browserCookieHeader(first.setCookieHeaders()))
    expect(second.get(KEY)).toBe(value)
    expect(second.setCookieHeaders()).toEqual([]) // nothing changed, nothing re-sent
  })

  it('reads from a Headers object and ignores unrelated cookies', () => {
    const first = createServerCookieStorage(undefined)
    first.set(KEY, 'hello world')
    const cookie = `theme=dark; ${browserCookieHeader(first.setCookieHeaders())}; other=1`
    const second = createServerCookieStorage(new Headers({ cookie }))
    expect(second.get(KEY)).toBe('hello world')
    second.remove(KEY)
    expect(names(second)).toEqual([NAME])
  })

  it('options: secure off for http://localhost, Max-Age, Path, Domain, SameSite=Strict', () => {
    const storage = createServerCookieStorage('', {
      secure: false,
      maxAgeSeconds: 3600,
      path: '/shop',
      domain: 'example.com',
      sameSite: 'Strict',
    })
    storage.set(KEY, 'x')
    expect(storage.setCookieHeaders()).toEqual([
      `${NAME}=x; Path=/shop; Domain=example.com; HttpOnly; SameSite=Strict; Max-Age=3600`,
    ])
  })

  it.each([
    [{ maxAgeSeconds: 0 }],
    [{ maxAgeSeconds: 1.5 }],
    [{ maxAgeSeconds: 401 * 24 * 3600 }],
    [{ chunkSize: 50 }],
    [{ chunkSize: 5000 }],
    [{ path: 'shop' }],
    [{ path: '/a;b' }],
    [{ domain: 'a.com; Secure' }],
    [{ sameSite: 'None' as 'Lax' }],
  ])('rejects bad options: %o', (options) => {
    expect(() => createServerCookieStorage(null, options)).toThrow(RangeError)
  })

  it('removal: Max-Age=0 for every cookie the browser sent, none otherwise', () => {
    const big = 'x'.repeat(9000)
    const first = createServerCookieStorage(null)
    first.set(KEY, big)
    const cookie = browserCookieHeader(first.setCookieHeaders())
    const second = createServerCookieStorage(cookie)
    second.remove(KEY)
    expect(second.get(KEY)).toBeUndefined()
    const lines = second.setCookieHeaders()
    const attributes = 'Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0'
    expect(lines).toEqual([0, 1, 2].map((i) => `${NAME}.${i}=; ${attributes}`))
    // Written and removed within one request, never sent by the browser: nothing to say.
    const third = createServerCookieStorage(null)
    third.set(KEY, 'short-lived')
    third.remove(KEY)
    expect(third.setCookieHeaders()).toEqual([])
  })

  it('chunks values over the chunk size into name.0, name.1, … and joins them on read', () => {
    const value = JSON.stringify({ token: 'é'.repeat(2000) + 'y'.repeat(5000) }) // ~17 KB encoded
    const first = createServerCookieStorage(null)
    first.set(KEY, value)
    const lines = first.setCookieHeaders()
    expect(lines.length).toBeGreaterThan(1)
    for (const [index, line] of lines.entries()) {
      expect(line.startsWith(`${NAME}.${index}=`)).toBe(true)
      const cookieValue = line.slice(line.indexOf('=') + 1, line.indexOf(';'))
      expect(cookieValue.length).toBeLessThanOrEqual(3800)
      expect(new TextEncoder().encode(line).length).toBeLessThan(4096) // browsers' per-cookie limit
    }
    const second = createServerCookieStorage(browserCookieHeader(lines))
    expect(second.get(KEY)).toBe(value)
  })

  it('clears the stale form: single ↔ chunks, and chunks beyond the new count', () => {
    const first = createServerCookieStorage(null, { chunkSize: 100 })
    first.set(KEY, 'a'.repeat(450)) // 5 chunks
    const chunked = browserCookieHeader(first.setCookieHeaders())
    expect(parseCookieHeader(chunked).size).toBe(5)

    const shrink = createServerCookieStorage(chunked, { chunkSize: 100 })
    shrink.set(KEY, 'b'.repeat(150)) // 2 chunks
    expect(names(shrink).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${NAME}.${i}`))
    const shrunk = browserCookieHeader(shrink.setCookieHeaders(), chunked)
    expect([...parseCookieHeader(shrunk).keys()].sort()).toEqual([`${NAME}.0`, `${NAME}.1`])
    expect(createServerCookieStorage(shrunk).get(KEY)).toBe('b'.repeat(150))

    const single = createServerCookieStorage(shrunk, { chunkSize: 100 })
    single.set(KEY, 'c')
    const after = browserCookieHeader(single.setCookieHeaders(), shrunk)
    expect([...parseCookieHeader(after).keys()]).toEqual([NAME])
    expect(createServerCookieStorage(after).get(KEY)).toBe('c')

    const grow = createServerCookieStorage(after, { chunkSize: 100 })
    grow.set(KEY, 'd'.repeat(250))
    const grown = browserCookieHeader(grow.setCookieHeaders(), after)
    const grownNames = [...parseCookieHeader(grown).keys()].sort()
    expect(grownNames).toEqual([0, 1, 2].map((i) => `${NAME}.${i}`))
    expect(createServerCookieStorage(grown).get(KEY)).toBe('d'.repeat(250))
  })

  it('tolerates malformed Cookie headers', () => {
    const first = createServerCookieStorage(null)
    first.set(KEY, '{"v":1}')
    const good = browserCookieHeader(first.setCookieHeaders())
    const messy =
      `;;  =x; novalue; ${good.replace('=', '= ')} ;junk=%E0%A4%A; ` +
      `${NAME}=second-wins-not; a="quoted"`
    const storage = createServerCookieStorage(messy)
    expect(storage.get(KEY)).toBe('{"v":1}') // first of two equal names wins
    expect(parseCookieHeader(messy).get('a')).toBe('quoted')
    expect(parseCookieHeader(messy).has('novalue')).toBe(false)
    // A value that is not valid percent-encoding is handed over raw (the session then clears it).
    const broken = createServerCookieStorage(`${NAME}=%E0%A4%A`)
    expect(broken.get(KEY)).toBe('%E0%A4%A')
    // A missing middle chunk: only the leading run is joined (unreadable, then cleared).
    const gap = createServerCookieStorage(`${NAME}.0=ab; ${NAME}.2=ef`)
    expect(gap.get(KEY)).toBe('ab')
    gap.remove(KEY)
    expect(names(gap).sort()).toEqual([`${NAME}.0`, `${NAME}.2`])
  })

  it('keeps nothing between requests: two storages on the same header are independent', () => {
    const a = createServerCookieStorage(null)
    const b = createServerCookieStorage(null)
    a.set(KEY, 'only-a')
    expect(b.get(KEY)).toBeUndefined()
    expect(b.setCookieHeaders()).toEqual([])
  })
})

describe('request forms and argument errors', () => {
  it('reads a plain header object as Node and Express give it', () => {
    const first = createServerCookieStorage(null)
    first.set(KEY, 'hello world')
    const cookie = browserCookieHeader(first.setCookieHeaders())
    const forms = [
      { host: 'shop.test', cookie, 'user-agent': 'x' },
      { cookie: ['theme=dark', cookie] }, // repeated Cookie headers, joined with `; `
      { Cookie: cookie }, // built by hand: names are matched without case
      Object.assign(Object.create(null) as object, { cookie }) as Record<string, string>,
    ]
    for (const headers of forms) {
      expect(createServerCookieStorage(headers).get(KEY)).toBe('hello world')
    }
    const none = createServerCookieStorage({ host: 'shop.test', cookie: undefined })
    expect(none.get(KEY)).toBeUndefined()
  })

  it('throws a TypeError naming the adapter for a source that holds no headers', () => {
    const wrong: unknown[] = [
      new Request('http://shop.test/', { headers: { cookie: 'a=b' } }),
      42,
      true,
      { cookie: 42 },
      { cookie: ['a=b', null] },
      new Map([['cookie', 1]]),
    ]
    for (const source of wrong) {
      expect(() => createServerCookieStorage(source as string)).toThrow(
        /^serverCookie: (cookies must be|the cookie header must be)/,
      )
      expect(() => createServerCookieStorage(source as string)).toThrow(TypeError)
    }
  })

  it.each([
    [{ path: 5 }, /path must be a string/],
    [{ domain: 5 }, /domain must be a string/],
    [{ maxAgeSeconds: '3600' }, /maxAgeSeconds/],
    [{ chunkSize: '200' }, /chunkSize/],
    [{ sameSite: 1 }, /sameSite/],
    [{ secure: 'false' }, /secure must be a boolean/],
    [null, /options must be an object/],
    ['secure', /options must be an object/],
  ])('a wrongly typed option %o is a RangeError that names it', (options, message) => {
    const call = () => createServerCookieStorage(null, options as never)
    expect(call).toThrow(RangeError)
    expect(call).toThrow(message)
  })

  it('the browser cookie adapter checks option types the same way', () => {
    const document = fakeCookieJar()
    const call = (options: object | null) => () =>
      createCookieStorage({ document, ...(options as object) })
    expect(call({ path: 5 })).toThrow(/^cookie: path must be a string/)
    expect(call({ domain: {} })).toThrow(RangeError)
    expect(() => createCookieStorage(null as never)).toThrow(/^cookie: options must be an object/)
    createCookieStorage({ document, path: '/shop' }).set(KEY, 'x') // valid options still work
    expect(document.written.at(-1)).toContain('Path=/shop')
  })
})
