/**
 * The README documents the error codes and the assumed wire shapes as tables; this keeps the
 * documented tables equal to the tested ones.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../src/errors.ts'
import { WIRE_SHAPES } from './support/wireShapes.ts'

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
/** The table rows of one README section (from its heading to the next heading). */
function sectionRows(heading: string): string[] {
  const start = README.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`README has no section ${heading}`)
  const end = README.indexOf('\n#', start + heading.length + 2)
  return README.slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| '))
}

function cells(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim())
}

describe('README tables', () => {
  it('lists every error code once in the error code table', () => {
    const documented = sectionRows('## Errors').map((line) => cells(line)[0]).filter((c) => /^`[a-z_]+`$/.test(c ?? ''))
    expect(documented.map((c) => c?.slice(1, -1)).sort()).toEqual([...ERROR_CODES].sort())
  })

  it.each(WIRE_SHAPES.map((row) => [row.id, row] as const))(
    'documents wire shape %s with its operation, status and code',
    (id, row) => {
      const line = sectionRows('### Assumed wire shapes').find((candidate) => cells(candidate)[0] === id)
      expect(line, `README row for ${id}`).toBeDefined()
      const [, operation, status, , code] = cells(line ?? '')
      expect({ operation, status, code }).toEqual({
        operation: row.operation,
        status: String(row.status),
        code: `\`${row.code}\``,
      })
    },
  )
})
