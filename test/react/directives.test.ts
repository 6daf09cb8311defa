/**
 * `'use client'` heads every module of shopper-session/react that uses React (hooks, context,
 * the Provider), as TanStack Query does, so a React Server Components bundler keeps them on the
 * client; modules without React (types, helpers) need none. tsdown keeps the directive at the
 * top of each output file, ESM and CJS (dist mirrors src, one file per module).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dir = fileURLToPath(new URL('../../src/react/', import.meta.url))
const modules = readdirSync(dir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))

/** What a module imports as code (not `import type`): package names and local file names. */
function codeImports(text: string): string[] {
  return [...text.matchAll(/^import \{[^}]*\} from '([^']+)'/gm)].map((m) => {
    const from = m[1] ?? ''
    return from.startsWith('./') ? from.slice(2) : from
  })
}

/** The modules that use React: they import react or @xstate/react, or a module that does. */
function reactModules(): string[] {
  const found = new Set<string>()
  for (let grew = true; grew; ) {
    grew = false
    for (const { file, text } of modules) {
      if (found.has(file)) continue
      const imports = codeImports(text)
      if (imports.some((from) => from === 'react' || from === '@xstate/react' || found.has(from))) {
        found.add(file)
        grew = true
      }
    }
  }
  return [...found]
}

describe("'use client'", () => {
  it('heads every module that uses React, and only those', () => {
    const client = reactModules()
    expect(client.length).toBeGreaterThan(10)
    const headed = modules.filter((m) => m.text.startsWith("'use client'\n")).map((m) => m.file)
    expect(headed.sort()).toEqual(client.sort())
  })

  it('is not on the entry, which only re-exports (a client boundary per module)', () => {
    const entry = readFileSync(new URL('../../src/react.ts', import.meta.url), 'utf8')
    expect(entry.includes('use client')).toBe(false)
  })
})
