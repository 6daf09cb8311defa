/**
 * How zod issues become reasons (src/scapi/issues.ts): through zod's public error customization,
 * never by reading zod's own message text. A message the schema gives wins; every other issue is
 * worded by the parse's error map, whatever the app configured for zod globally; the value is
 * never quoted.
 */
import * as z from 'zod/mini'
import { afterEach, describe, expect, it } from 'vitest'
import { issueDetails } from '../../src/scapi/issueDetails.ts'
import { parseOrThrow } from '../../src/scapi/issues.ts'

const SECRET = 'do-not-echo-Qx81'

/** The reason `parseOrThrow` gives for `value` as field `f` of `schema`, or `ok`. */
function reasonFor(schema: z.core.$ZodType, value: unknown, details = issueDetails): string {
  try {
    parseOrThrow(z.object({ f: schema }), { f: value }, (reason) => new Error(reason), details)
    return 'ok'
  } catch (error) {
    return (error as Error).message
  }
}

afterEach(() => {
  // Undo what a test configured for zod globally.
  z.config({ customError: undefined, localeError: undefined })
})

describe('parseOrThrow', () => {
  it.each([
    [z.string(), undefined, 'f: is required'],
    [z.string(), 42, 'f: must be a string'],
    [z.number(), 'x', 'f: must be a finite number'],
    [z.object({}), [], 'f: must be an object'],
    [z.array(z.string()), {}, 'f: must be an array'],
    [z.string().check(z.maxLength(3)), SECRET, 'f: must be at most 3 characters'],
    [z.enum(['a', 'b']), SECRET, 'f: must be one of "a", "b"'],
    [z.strictObject({}), { [SECRET]: 1 }, `f: has unknown keys ${SECRET}`],
    [z.union([z.string(), z.number()]), true, 'f: matches none of the allowed shapes'],
  ])("%#: words zod's own kinds", (schema, value, expected) => {
    expect(reasonFor(schema, value)).toBe(expected)
  })

  it('words a record key that fails its own check, naming the key, not the value', () => {
    const schema = z.record(z.string().check(z.maxLength(3)), z.string())
    expect(reasonFor(schema, { abcd: SECRET })).toBe('f.abcd: key must be at most 3 characters')
  })

  it("keeps the schema's own message", () => {
    expect(reasonFor(z.string().check(z.minLength(1, 'must not be empty')), '')).toBe(
      'f: must not be empty',
    )
    expect(reasonFor(z.custom<string>(() => false, 'must be a widget'), SECRET)).toBe(
      'f: must be a widget',
    )
  })

  it('says "is invalid" for a kind nobody words', () => {
    expect(reasonFor(z.string().check(z.maxLength(3)), SECRET, () => undefined)).toBe(
      'f: is invalid',
    )
    expect(reasonFor(z.custom<string>(() => false), SECRET)).toBe('f: is invalid')
  })

  it.each([
    // What importing the full `zod` does: English messages for every issue.
    ['an English locale', () => z.config(z.locales.en())],
    ['an error map of its own', () => z.config({ customError: () => `app message ${SECRET}` })],
  ])("keeps its wording when the app gives zod %s", (_, configure) => {
    configure()
    expect(reasonFor(z.string(), 42)).toBe('f: must be a string')
    expect(reasonFor(z.string(), undefined)).toBe('f: is required')
    expect(reasonFor(z.string().check(z.maxLength(3)), 'long')).toBe(
      'f: must be at most 3 characters',
    )
  })
})
