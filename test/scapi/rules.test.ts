/**
 * The plain field rules (src/validation/): each rule's reasons, nested paths, the `invalid_config`
 * line `checkFields` throws, and the zod fields made from the same rules (src/scapi/checks.ts)
 * giving the same message for any value.
 */
import fc from 'fast-check'
import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { fromRule } from '../../src/scapi/checks.ts'
import { parseConfig } from '../../src/scapi/configFields.ts'
import {
  baseUrlRule,
  headerSecretRule,
  organizationIdRule,
  shortCodeRule,
} from '../../src/scapi/configRules.ts'
import { checkFields } from '../../src/validation/checkFields.ts'
import {
  checkRecord,
  describeRefusal,
  type FieldRules,
  fields,
  readFields,
  stringRecord,
} from '../../src/validation/objects.ts'
import {
  all,
  boolean,
  finiteNumber,
  integer,
  isFunction,
  isString,
  matching,
  numberThat,
  oneOf,
  optional,
  type Rule,
  stringThat,
  text,
} from '../../src/validation/rules.ts'

const SECRET = 'do-not-echo-8xQ'
const shortA = all(text(3), matching(/^a/, 'must start with a'))

describe('rules', () => {
  it.each<[string, Rule, unknown, string | undefined]>([
    ['isString', isString, 'x', undefined],
    ['isString', isString, undefined, 'is required'],
    ['isString', isString, 42, 'must be a string'],
    ['text', text(5), '', 'must not be empty'],
    ['text', text(5), 'abcde', undefined],
    ['text', text(5), SECRET, 'must be at most 5 characters'],
    ['text', text(50, 43), 'short', 'must be at least 43 characters'],
    ['text', text(5), null, 'must be a string'],
    ['matching', matching(/^c_/, 'must start with c_'), 'x', 'must start with c_'],
    ['matching', matching(/^c_/, 'must start with c_'), 1, 'must be a string'],
    ['stringThat', stringThat((value) => value === 'a', 'must be a'), 'a', undefined],
    ['finiteNumber', finiteNumber, 0, undefined],
    ['finiteNumber', finiteNumber, undefined, 'is required'],
    ['finiteNumber', finiteNumber, Number.NaN, 'must be a finite number'],
    ['finiteNumber', finiteNumber, Infinity, 'must be a finite number'],
    ['finiteNumber', finiteNumber, '1', 'must be a finite number'],
    ['numberThat', numberThat((value) => value > 0, 'must be positive'), 0, 'must be positive'],
    ['integer', integer(0, 10), 1.5, 'must be an integer'],
    ['integer', integer(1, 10), 0, 'must be at least 1'],
    ['integer', integer(0, 10), 11, 'must be at most 10'],
    ['integer', integer(0, 10), 10, undefined],
    ['integer', integer(), 2 ** 53, 'must be at most 9007199254740991'],
    ['boolean', boolean, 'yes', 'must be a boolean'],
    ['boolean', boolean, false, undefined],
    ['isFunction', isFunction, {}, 'must be a function'],
    ['oneOf', oneOf('manual', 'follow'), 'auto', 'must be one of "manual", "follow"'],
    ['oneOf', oneOf(1), '1', 'must be one of 1'],
    ['oneOf', oneOf('manual', 'follow'), 'follow', undefined],
    ['optional', optional(text(5)), undefined, undefined],
    ['optional', optional(text(5)), null, 'must be a string'],
    ['all', shortA, 'abcd', 'must be at most 3 characters'],
    ['all', shortA, 'bcd', 'must start with a'],
  ])('%s: %j → %s', (_name, rule, value, reason) => {
    expect(rule(value)).toBe(reason)
  })

  it('checks the shared config fields as the SLAS reference limits them', () => {
    expect(shortCodeRule('kv7kzm78')).toBeUndefined()
    expect(shortCodeRule('-x')).toBe('must be a host name label like kv7kzm78')
    expect(organizationIdRule('f_ecom_zzxy_s01')).toBeUndefined()
    expect(organizationIdRule('f_ecom_zzxy_prod')).toBe('must look like f_ecom_abcd_001')
    expect(baseUrlRule('https://x.test/prefix/')).toBeUndefined()
    for (const bad of ['ftp://x.test', 'http://u:p@x.test', 'http://x.test/?a=1', 'http://x/#h']) {
      expect(baseUrlRule(bad)).toBe('must be an http(s) URL without credentials, query or hash')
    }
    expect(headerSecretRule(64)(`${SECRET}\n`)).toBe('must not contain control characters')
  })
})

describe('objects', () => {
  const rules = {
    name: text(10),
    retry: optional(fields({ maxAttempts: optional(integer(0, 100)) })),
    headers: optional(stringRecord()),
  }

  it('names nested fields and record entries in the path, never the value', () => {
    const fail = (reason: string) => new Error(reason)
    expect(() => checkRecord(rules, { name: 'a', retry: { maxAttempts: 101 } }, fail)).toThrow(
      /^retry\.maxAttempts: must be at most 100$/,
    )
    expect(() => checkRecord(rules, { name: 'a', retry: [] }, fail)).toThrow(
      /^retry: must be an object$/,
    )
    expect(() => checkRecord(rules, { name: 'a', headers: { 'x-a': 1 } }, fail)).toThrow(
      /^headers\.x-a: must be a string$/,
    )
    for (const root of [null, 42, 'x', [], undefined]) {
      expect(() => checkRecord(rules, root, fail)).toThrow(/^\(root\): must be an object$/)
    }
  })

  it('words paths as zod issues read: keys with dots, indexes in brackets', () => {
    expect(describeRefusal('must be an object')).toBe('(root): must be an object')
    expect(describeRefusal({ path: [], reason: 'r' })).toBe('(root): r')
    expect(describeRefusal({ path: ['cookieSecrets', 1], reason: 'r' })).toBe('cookieSecrets[1]: r')
    expect(describeRefusal({ path: ['a', 0, 'b'], reason: 'r' })).toBe('a[0].b: r')
    expect(describeRefusal({ path: [2, 'b'], reason: 'r' })).toBe('[2].b: r')
  })

  it('reads only the named fields that are set, and lists every bad field in rule order', () => {
    const read = readFields(rules, { extra: SECRET, name: 'a', retry: undefined })
    expect(read).toEqual({ ok: true, value: { name: 'a' } })
    expect(read.ok && Object.keys(read.value)).toEqual(['name'])
    const bad = readFields(rules, { headers: [], name: '', retry: 1 })
    expect(bad.ok ? [] : bad.refusals.map(describeRefusal)).toEqual([
      'name: must not be empty',
      'retry: must be an object',
      'headers: must be an object',
    ])
  })

  it('throws invalid_config naming the config, the field and why', () => {
    interface Config {
      clientId: string
      clientSecret?: string
    }
    const configRules: FieldRules<Config> = {
      clientId: text(40),
      clientSecret: optional(headerSecretRule(1024)),
    }
    const failure = (config: unknown) => {
      try {
        checkFields('SLAS client config', configRules, config)
      } catch (error) {
        return error as Error & { code?: string }
      }
      throw new Error('expected a failure')
    }
    expect(failure({}).message).toBe('Invalid SLAS client config: clientId: is required')
    expect(failure({}).code).toBe('invalid_config')
    expect(failure(null).message).toBe('Invalid SLAS client config: (root): must be an object')
    const secretError = failure({ clientId: 'c', clientSecret: `${SECRET}\u0000` })
    expect(secretError.message).toBe(
      'Invalid SLAS client config: clientSecret: must not contain control characters',
    )
    expect(secretError.message).not.toContain(SECRET)
  })
})

describe('zod fields made from the rules', () => {
  const RULES: Rule[] = [
    text(8),
    text(50, 43),
    integer(1, 100),
    finiteNumber,
    boolean,
    oneOf('manual', 'follow'),
    organizationIdRule,
    baseUrlRule,
    headerSecretRule(16),
    stringRecord((key) => (key.startsWith('c_') ? undefined : 'must start with c_')),
    isFunction,
  ]
  const values = fc.oneof(
    fc.constantFrom(undefined, null, '', 'manual', 'f_ecom_zzxy_prd', 'http://x.test', 1.5, NaN),
    fc.anything(),
    fc.string(),
    fc.integer({ min: -5, max: 200 }),
    fc.dictionary(fc.constantFrom('c_a', 'b', 'c_'), fc.oneof(fc.string(), fc.integer())),
  )

  /** The `invalid_config` message for `value` as field `f`, or `ok`. */
  function message(check: () => unknown): string {
    try {
      check()
      return 'ok'
    } catch (error) {
      return (error as Error).message
    }
  }

  it('give the message the plain rule gives, for any value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: RULES.length - 1 }), values, (index, value) => {
        const rule = RULES[index] as Rule
        const plain = message(() => checkFields('config', { f: rule }, { f: value }))
        const zod = message(() =>
          parseConfig('config', z.object({ f: fromRule<unknown>(rule) }), { f: value }),
        )
        expect(zod).toBe(plain)
      }),
      { numRuns: 500 },
    )
  })
})
