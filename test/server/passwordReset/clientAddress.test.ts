/**
 * Client addresses as rate limit keys: a table of spellings (IPv4, IPv6 forms, IPv4-mapped,
 * brackets, ports, zone ids, junk), then properties against Node's own parser (`node:net`, fine
 * in a test; the source stays runtime-neutral): every spelling of an address gives one key, a
 * key covers exactly its /64, and the parser accepts what Node accepts.
 */
import { BlockList, isIP, isIPv6 } from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clientAddressKey,
  parseIpAddress,
} from '../../../src/server/passwordReset/clientAddress.ts'

describe('clientAddressKey: a table', () => {
  const cases: [string, string | undefined][] = [
    // IPv4, however it arrives.
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9 ', '203.0.113.9'],
    ['203.000.113.009', '203.0.113.9'], // zero-padded octets are decimal, not octal
    ['203.0.113.9:51234', '203.0.113.9'], // a port, as some load balancers write it
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['::FFFF:CB00:7109', '203.0.113.9'],
    ['0:0:0:0:0:ffff:cb00:7109', '203.0.113.9'],
    ['0000:0000:0000:0000:0000:FFFF:203.0.113.9', '203.0.113.9'],
    ['[::ffff:203.0.113.9]:443', '203.0.113.9'],
    // IPv6: one key per /64, whatever the spelling.
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0000:ffff:ffff:ffff:ffff', '2001:db8:0:0::/64'],
    ['[2001:db8::1]', '2001:db8:0:0::/64'],
    ['[2001:db8::1]:8443', '2001:db8:0:0::/64'],
    ['2001:db8:0:1::1', '2001:db8:0:1::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['[FE80::1%25en0]:80', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['1:2:3:4:5:6:7::', '1:2:3:4::/64'],
    ['::2:3:4:5:6:7:8', '0:2:3:4::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['::1.2.3.4', '0:0:0:0::/64'], // IPv4-compatible (deprecated) is not IPv4-mapped
    // Not an address: no key.
    ['', undefined],
    ['   ', undefined],
    ['unknown', undefined],
    ['localhost', undefined],
    ['shop.example.com', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.5', undefined],
    ['256.1.1.1', undefined],
    ['1.2.3.-1', undefined],
    ['0x7f.0.0.1', undefined],
    ['１.２.３.４', undefined], // full-width digits
    ['1.2.3.4%eth0', undefined], // zone ids are IPv6 only
    ['fe80::1%', undefined],
    ['1.2.3.4:', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['1:2:3:4:5:6:7:8::', undefined],
    ['1::2::3', undefined],
    [':::', undefined],
    [':1::', undefined],
    ['1:', undefined],
    ['12345::', undefined],
    ['g::1', undefined],
    ['::ffff:1.2.3', undefined],
    ['1:2:3:4:5:6:7:1.2.3.4', undefined],
    ['1.2.3.4::', undefined],
    ['[::1', undefined],
    ['[::1]x', undefined],
    ['[::1]:', undefined],
    ['[1.2.3.4]', undefined],
  ]
  it.each(cases)('%j → %j', (text, key) => {
    expect(clientAddressKey(text)).toBe(key)
  })

  it('parseIpAddress gives IPv4-mapped addresses as IPv4', () => {
    expect(parseIpAddress('::ffff:10.0.0.1')).toEqual({ version: 4, octets: [10, 0, 0, 1] })
    expect(parseIpAddress('2001:db8::ff00:42:8329')).toEqual({
      version: 6,
      hextets: [0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329],
    })
  })
})

const octet = fc.integer({ min: 0, max: 255 })
// Zeros often, so that `::` compression and the IPv4-mapped prefix come up.
const hextet = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }), weight: 3 },
)
const isMapped = (groups: readonly number[]) =>
  groups.slice(0, 6).every((group, index) => group === (index === 5 ? 0xffff : 0))
const octets = fc.tuple(octet, octet, octet, octet)
// Never the IPv4-mapped prefix, which is read as IPv4.
const hextets = fc
  .array(hextet, { minLength: 8, maxLength: 8 })
  .filter((groups) => !isMapped(groups))

const hex = (value: number) => value.toString(16)

/** One IPv6 spelling: any zero run (or none) as `::`, groups padded or not, any case. */
const ipv6Spelling = (groups: readonly number[]) =>
  fc
    .record({
      padded: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      upper: fc.boolean(),
      run: fc.tuple(fc.nat(7), fc.nat(8)),
    })
    .map(({ padded, upper, run }) => {
      const texts = groups.map((group, index) =>
        padded[index] === true ? hex(group).padStart(4, '0') : hex(group),
      )
      // Compress groups [start, end) when they are all zero.
      const [start, length] = run
      const end = Math.min(8, start + length)
      const zeros = end > start && groups.slice(start, end).every((group) => group === 0)
      const text = zeros
        ? `${texts.slice(0, start).join(':')}::${texts.slice(end).join(':')}`
        : texts.join(':')
      return upper ? text.toUpperCase() : text
    })

describe('clientAddressKey: properties', () => {
  it('every spelling of an IPv4 address gives the dotted quad', () => {
    fc.assert(
      fc.property(octets, fc.integer({ min: 1, max: 65_535 }), (parts, port) => {
        const plain = parts.join('.')
        const [a, b, c, d] = parts
        const high = hex(a * 256 + b)
        const low = hex(c * 256 + d)
        const spellings = [
          plain,
          parts.map((part) => String(part).padStart(3, '0')).join('.'),
          `${plain}:${port}`,
          `::ffff:${plain}`,
          `::FFFF:${high}:${low}`,
          `0:0:0:0:0:ffff:${high}:${low}`,
          `[::ffff:${plain}]:${port}`,
        ]
        for (const spelling of spellings) expect(clientAddressKey(spelling)).toBe(plain)
      }),
    )
  })

  it('every spelling of an IPv6 address gives its /64, which contains it', () => {
    fc.assert(
      fc.property(
        hextets.chain((groups) =>
          fc.tuple(fc.constant(groups), ipv6Spelling(groups), ipv6Spelling(groups)),
        ),
        fc.integer({ min: 1, max: 65_535 }),
        ([groups, one, other], port) => {
          expect(isIPv6(one)).toBe(true) // the generator writes valid addresses
          const key = clientAddressKey(one)
          expect(key).toBe(`${groups.slice(0, 4).map(hex).join(':')}::/64`)
          for (const spelling of [other, `[${other}]`, `[${other}]:${port}`, `${other}%eth0`]) {
            expect(clientAddressKey(spelling)).toBe(key)
          }
          const subnet = new BlockList()
          subnet.addSubnet((key ?? '').replace('/64', ''), 64, 'ipv6')
          expect(subnet.check(one, 'ipv6')).toBe(true)
        },
      ),
    )
  })

  it('two addresses share a key exactly when they share a /64', () => {
    fc.assert(
      fc.property(hextets, hextets, fc.boolean(), (first, second, sameNetwork) => {
        const other = sameNetwork ? [...first.slice(0, 4), ...second.slice(4)] : second
        if (isMapped(other)) return // read as IPv4: covered above
        const same = first.slice(0, 4).every((group, index) => group === other[index])
        const keys = [first, other].map((groups) => clientAddressKey(groups.map(hex).join(':')))
        expect(keys[0] === keys[1]).toBe(same)
      }),
    )
  })

  it('accepts what node:net accepts; without dots, exactly that; never throws', () => {
    const alphabet = fc.constantFrom(...'0123456789abcdefABCDEF:.')
    const junk = fc.string({ unit: alphabet, maxLength: 45 })
    // Valid addresses with one character inserted or removed: near misses are the hard cases.
    const nearMiss = fc
      .tuple(hextets.chain(ipv6Spelling), fc.nat(45), fc.option(alphabet, { nil: undefined }))
      .map(([text, at, insert]) => {
        const index = at % (text.length + 1)
        return insert === undefined
          ? text.slice(0, index) + text.slice(index + 1)
          : text.slice(0, index) + insert + text.slice(index)
      })
    const text = fc.oneof(junk, nearMiss, hextets.chain(ipv6Spelling), fc.string())
    fc.assert(
      fc.property(text, (value) => {
        const key = clientAddressKey(value)
        if (isIP(value) !== 0) expect(key).toBeDefined()
        if (/^[\da-f:]*$/i.test(value)) expect(key !== undefined).toBe(isIPv6(value))
      }),
      { numRuns: 500 },
    )
  })
})
