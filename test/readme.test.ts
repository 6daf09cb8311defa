/**
 * The READMEs document the error codes and the assumed wire shapes as tables; this keeps the
 * documented tables equal to the tested ones, and every documented import a real export.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../src/errors.ts'
import { README_FILES } from './support/readmes.ts'
import { WIRE_SHAPES } from './support/wireShapes.ts'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
const README = read('README.md')
const CLIENTS_README = read('src/scapi/README.md')

/** The table rows of one section of `text` (from its heading to the next heading). */
function sectionRows(heading: string, text = README): string[] {
  const start = text.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`no section ${heading}`)
  const end = text.indexOf('\n#', start + heading.length + 2)
  return text
    .slice(start, end < 0 ? undefined : end)
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
    const documented = sectionRows('### Errors')
      .map((line) => cells(line)[0])
      .filter((c) => /^`[a-z_]+`$/.test(c ?? ''))
    expect(documented.map((c) => c?.slice(1, -1)).sort()).toEqual([...ERROR_CODES].sort())
  })

  it.each(WIRE_SHAPES.map((row) => [row.id, row] as const))(
    'documents wire shape %s with its operation, status and code',
    (id, row) => {
      const heading = '## Errors: assumed wire shapes and the mapping rules'
      const line = sectionRows(heading, CLIENTS_README).find((row) => cells(row)[0] === id)
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

describe('README imports', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, unknown>
  }
  const build = readFileSync(new URL('../src/tsdown.config.ts', import.meta.url), 'utf8')
  const text = README_FILES.map(read).join('\n')
  const subpaths = [
    ...new Set([...text.matchAll(/'shopper-session(\/[\w/-]+)?'/g)].map((m) => m[1])),
  ]

  it.each(subpaths.map((subpath) => [`shopper-session${subpath ?? ''}`, subpath] as const))(
    '%s is a package export the build produces',
    (_, subpath) => {
      const key = `.${subpath ?? ''}`
      expect(Object.keys(pkg.exports)).toContain(key)
      // The built file the export points at comes from a tsdown entry of the same name.
      const entry = subpath === undefined ? 'index' : subpath.slice(1)
      expect(build).toMatch(new RegExp(`['\\s]${entry.replace(/[/-]/g, '\\$&')}'?:`))
    },
  )
})

