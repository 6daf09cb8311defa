/**
 * Every TypeScript block (```ts and ```tsx) of every README type-checks against the package as installed (strict,
 * `skipLibCheck: false`), and the README's complete example runs as written against the emulator.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'
import { describe, expect, inject, it } from 'vitest'
import { README_FILES } from '../support/readmes.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const consumerDir = inject('consumerDir')
const checkDir = join(consumerDir, 'readme-check')

interface CodeBlock {
  /** `ts` or `tsx`: the file extension the block is checked as. */
  language: 'ts' | 'tsx'
  code: string
}

/** The ```ts and ```tsx blocks of `markdown`, in order. */
function codeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)].map((match) => ({
    language: match[1] === 'tsx' ? 'tsx' : 'ts',
    code: match[2] ?? '',
  }))
}

/** The ```ts blocks of `markdown`, in order. */
function typeScriptBlocks(markdown: string): string[] {
  return codeBlocks(markdown)
    .filter((block) => block.language === 'ts')
    .map((block) => block.code)
}

const blocks = README_FILES.flatMap((file) =>
  codeBlocks(readFileSync(join(ROOT, file), 'utf8')).map(({ language, code }, index) => ({
    name: `${file.replace(/[/.]/g, '_')}_${index + 1}.${language}`,
    code,
  })),
)

describe('README code', () => {
  it('has TypeScript blocks in every README', () => {
    for (const file of README_FILES) {
      expect(typeScriptBlocks(readFileSync(join(ROOT, file), 'utf8')).length, file).toBeGreaterThan(0)
    }
  })

  it('type-checks every block against the installed package', () => {
    mkdirSync(checkDir, { recursive: true })
    copyFileSync(join(ROOT, 'test/package/readmePrelude.ts'), join(checkDir, 'prelude.ts'))
    // Each block is a module of its own (top-level await, no names shared between blocks).
    for (const { name, code } of blocks) writeFileSync(join(checkDir, name), `${code}\nexport {}\n`)
    writeFileSync(
      join(checkDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          types: ['node'],
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        include: ['*.ts', '*.tsx'],
      }),
    )
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')
    let output = ''
    try {
      execFileSync(process.execPath, [tsc, '-p', checkDir], { encoding: 'utf8', cwd: checkDir })
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error)
    }
    expect(output).toBe('')
  })

  it('runs the complete example as written', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## A complete example'))
    const [example] = typeScriptBlocks(section)
    if (!example) throw new Error('README has no complete example')
    const js = transformSync(example, { loader: 'ts', format: 'esm', target: 'es2022' }).code
    mkdirSync(checkDir, { recursive: true })
    writeFileSync(join(checkDir, 'example.mjs'), js)
    const out = execFileSync(process.execPath, [join(checkDir, 'example.mjs')], {
      encoding: 'utf8',
      cwd: checkDir,
      timeout: 20_000,
    })
    expect(out.split('\n').filter(Boolean)).toEqual(['guest', 'ada@example.com', 'Ada'])
  })
})
