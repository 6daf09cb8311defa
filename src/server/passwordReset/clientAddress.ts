/**
 * IP addresses as per-client rate limit keys. Each address gets one key however it is written
 * (compressed or zero-padded IPv6, any case, a zone id, brackets, a port), an IPv4-mapped IPv6
 * address is its IPv4 address, and IPv6 addresses count per /64: whoever has one IPv6 address
 * usually holds the whole /64 around it, so counting single addresses would not limit anyone.
 *
 * Plain parsing rather than `node:net`: the server code also runs on Workers, Deno and Bun.
 *
 * @module
 */

type Octets = [number, number, number, number]

/** A parsed IP address. An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) comes back as IPv4. */
export type IpAddress =
  | { readonly version: 4; readonly octets: Readonly<Octets> }
  | { readonly version: 6; readonly hextets: readonly number[] }

/** How many leading bits of an IPv6 address one client is assumed to hold. */
export const IPV6_CLIENT_PREFIX_BITS = 64

/** Dotted-quad IPv4; leading zeros read as decimal (a padded log format, not octal). */
function parseIpv4(text: string): Octets | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (match === null) return undefined
  const octets: Octets = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])]
  return octets.every((octet) => octet <= 255) ? octets : undefined
}

/** The hextets of one side of `::`; only the address's last group may be dotted IPv4. */
function hextets(part: string, endsAddress: boolean): number[] | undefined {
  if (part === '') return []
  const groups = part.split(':')
  const values: number[] = []
  for (const [index, group] of groups.entries()) {
    if (endsAddress && index === groups.length - 1 && group.includes('.')) {
      const octets = parseIpv4(group)
      if (octets === undefined) return undefined
      values.push(octets[0] * 256 + octets[1], octets[2] * 256 + octets[3])
    } else if (/^[\da-f]{1,4}$/i.test(group)) {
      values.push(Number.parseInt(group, 16))
    } else {
      return undefined
    }
  }
  return values
}

/** The 8 hextets of an IPv6 address (RFC 4291 text forms), or `undefined`. */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const [head = '', tail] = halves
  const left = hextets(head, tail === undefined)
  const right = tail === undefined ? [] : hextets(tail, true)
  if (left === undefined || right === undefined) return undefined
  const missing = 8 - left.length - right.length
  // `::` stands for at least one zero group; without it every group must be written.
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined
  return [...left, ...Array.from({ length: missing }, () => 0), ...right]
}

/**
 * The address inside what runtimes and proxies wrap around it: `[…]` brackets, a `:port` (after
 * brackets, or after IPv4 as some load balancers write X-Forwarded-For) and an IPv6 zone id
 * (`%eth0`, or `%25eth0` as URLs escape it), which names a local interface, not a client.
 */
function unwrap(text: string): string | undefined {
  let value = text.trim()
  if (value.startsWith('[')) {
    const close = value.indexOf(']')
    if (close < 0 || !/^(:\d{1,5})?$/.test(value.slice(close + 1))) return undefined
    value = value.slice(1, close)
    if (!value.includes(':')) return undefined
  } else if (/^[\d.]+:\d{1,5}$/.test(value)) {
    // Without brackets a port can only follow IPv4: after IPv6 it would read as one more group.
    value = value.slice(0, value.indexOf(':'))
  }
  const zone = value.indexOf('%')
  if (zone >= 0) {
    if (!value.includes(':') || zone === value.length - 1) return undefined
    value = value.slice(0, zone)
  }
  return value
}

/**
 * Parses an IP address as runtimes and proxies write it: IPv4 (`203.0.113.9`, `203.0.113.9:443`)
 * or IPv6 in any RFC 4291 form, optionally in brackets with a port or with a zone id. Returns
 * `undefined` for anything else (host names, `unknown`, empty text). An IPv4-mapped IPv6
 * address is returned as IPv4.
 *
 * @example
 * ```ts
 * parseIpAddress('[::ffff:203.0.113.9]:443') // { version: 4, octets: [203, 0, 113, 9] }
 * ```
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const value = unwrap(text)
  if (value === undefined) return undefined
  if (!value.includes(':')) {
    const octets = parseIpv4(value)
    return octets && { version: 4, octets }
  }
  const groups = parseIpv6(value)
  if (groups === undefined) return undefined
  const [a, b, c, d, e, f, g = 0, h = 0] = groups
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) {
    return { version: 4, octets: [g >> 8, g & 0xff, h >> 8, h & 0xff] }
  }
  return { version: 6, hextets: groups }
}

/**
 * The per-client rate limit key of an address: IPv4 as a plain dotted quad (`203.0.113.9`),
 * IPv6 as its /64 prefix (`2001:db8:0:1::/64`). Every spelling of one address, and every
 * address of one /64, gives the same key. `undefined` when `text` is not an IP address.
 *
 * @example
 * ```ts
 * clientAddressKey('2001:DB8:0:1::7%eth0') // '2001:db8:0:1::/64'
 * clientAddressKey('::ffff:203.0.113.9') // '203.0.113.9'
 * ```
 */
export function clientAddressKey(text: string): string | undefined {
  const address = parseIpAddress(text)
  if (address === undefined) return undefined
  if (address.version === 4) return address.octets.join('.')
  const prefix = address.hextets.slice(0, IPV6_CLIENT_PREFIX_BITS / 16)
  return `${prefix.map((group) => group.toString(16)).join(':')}::/${IPV6_CLIENT_PREFIX_BITS}`
}
