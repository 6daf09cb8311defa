/**
 * Which address a call is counted against: the peer, or behind `hops` trusted reverse proxies
 * the X-Forwarded-For entry they added (the peer being the nearest proxy), and the keys the
 * handler's default and custom rules give.
 */
import { describe, expect, it } from 'vitest'
import { clientAddress, createClientKey } from '../../../src/server/passwordReset/clientKey.ts'
import { ENDPOINT } from './helpers.ts'

function request(...forwarded: string[]): Request {
  const headers = new Headers()
  for (const value of forwarded) headers.append('x-forwarded-for', value)
  return new Request(ENDPOINT, { method: 'POST', headers })
}

describe('clientAddress', () => {
  const client = '203.0.113.9'
  // [what, X-Forwarded-For header lines, info.address, trusted proxies, the client address]
  const cases: [string, string[], string | undefined, number, string | undefined][] = [
    ['no proxy: the peer, the header ignored', ['6.6.6.6'], client, 0, client],
    ['no proxy, no peer: none', ['6.6.6.6'], undefined, 0, undefined],
    ['one proxy: the rightmost entry, not the peer', [`6.6.6.6, ${client}`], '10.0.0.1', 1, client],
    ['one proxy, no peer given (Workers, Next.js)', [`6.6.6.6, ${client}`], undefined, 1, client],
    ['two proxies: second from the right', [`6.6.6.6, ${client}, 10.0.0.1`], '10.0.0.2', 2, client],
    ['a proxy, no header: the peer (a call around the proxy)', [], client, 1, client],
    ['two proxies, one entry: that entry', [client], '10.0.0.2', 2, client],
    ['a proxy, neither header nor peer: none', [], undefined, 1, undefined],
    ['empty entries are skipped', [` , ${client},, `], '10.0.0.1', 1, client],
    ['repeated headers read in order', ['6.6.6.6', client], '10.0.0.1', 1, client],
  ]
  it.each(cases)('%s', (_name, forwarded, peer, hops, expected) => {
    expect(clientAddress(request(...forwarded), peer, hops)).toBe(expected)
  })
})

describe('createClientKey', () => {
  it('default: a normalised key; no key for what is not an IP address', () => {
    const key = createClientKey(undefined, 1)
    expect(key(request('2001:DB8::7'), { address: '10.0.0.1' })).toBe('2001:db8:0:0::/64')
    expect(key(request('unknown'), { address: '10.0.0.1' })).toBeUndefined()
    expect(key(request(), { address: '::ffff:203.0.113.9' })).toBe('203.0.113.9')
    expect(key(request(), { address: '' })).toBeUndefined()
    expect(key(request(), {})).toBeUndefined()
  })

  it('custom: an IP address is normalised, any other key kept, an empty one dropped', () => {
    const of = (value: string | undefined) => createClientKey(() => value, 0)(request(), {})
    expect(of('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(of('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(of('session-42')).toBe('session-42')
    expect(of('')).toBeUndefined()
    expect(of(undefined)).toBeUndefined()
  })
})
