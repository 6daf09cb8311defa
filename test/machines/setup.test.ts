import { readdirSync, readFileSync } from 'node:fs'
import { assign, fromPromise, setup as xstateSetup } from 'xstate'
import { describe, expect, it } from 'vitest'
import { setup } from '../../machines/setup.ts'

const implementations = {
  types: {} as { context: { n: number }; events: { type: 'inc' } },
  actors: { work: fromPromise(async () => 1) },
  actions: { inc: assign({ n: ({ context }) => context.n + 1 }) },
  guards: { small: ({ context }: { context: { n: number } }) => context.n < 3 },
  delays: { soon: 10 },
}
const config = {
  id: 'm',
  context: { n: 0 },
  on: { inc: { guard: 'small', actions: 'inc' } },
} as const

describe('machines/setup', () => {
  it('makes the machine XState’s setup makes, and nothing else', () => {
    const ours = setup(implementations).createMachine(config)
    const theirs = xstateSetup(implementations).createMachine(config)
    expect(ours.implementations).toEqual(theirs.implementations)
    expect(ours.config).toEqual(theirs.config)
    expect(Object.keys(setup(implementations))).toEqual(['createMachine'])
  })

  it('the machines only ever call createMachine on it', () => {
    const dir = new URL('../../machines/', import.meta.url)
    for (const file of readdirSync(dir).filter((name) => name !== 'setup.ts')) {
      const source = readFileSync(new URL(file, dir), 'utf8')
      const uses = source.match(/\bsetup\(/g)?.length ?? 0
      const created = source.match(/^\}\)\.createMachine\(/gm)?.length ?? 0
      expect({ file, uses }).toEqual({ file, uses: created })
    }
  })
})
