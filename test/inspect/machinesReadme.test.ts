/**
 * machines/README.md is what `npm run diagrams` writes from the machines as they are now: a
 * machine changed without regenerating the file fails here.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MACHINES_README, machinesReadme } from './machinesReadme.ts'

describe('machines/README.md', () => {
  it('shows every machine as it is now (else: npm run diagrams)', () => {
    const onDisk = readFileSync(new URL(`../../${MACHINES_README}`, import.meta.url), 'utf8')
    expect(onDisk, 'machines/README.md is stale: run npm run diagrams').toBe(machinesReadme())
  })

  it('has a diagram for each of the five machines', () => {
    const headings = [...machinesReadme().matchAll(/^## (\w+)\n[\s\S]*?```mermaid\n/gm)]
    expect(headings.map((match) => match[1])).toEqual([
      'sessionMachine',
      'tokenRefreshMachine',
      'passwordResetMachine',
      'loginIdChangeMachine',
      'passwordChangeMachine',
    ])
  })
})
