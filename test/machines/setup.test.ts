import { readdirSync, readFileSync } from 'node:fs'
import { assign, createActor, fromPromise, setup as xstateSetup } from 'xstate'
import { describe, expect, it } from 'vitest'
import { setup } from '../../machines/setup.ts'

const work = fromPromise(async () => 1)

/** One machine, made with `make` (ours or XState's setup). */
function machineWith(make: typeof xstateSetup) {
  return make({
    types: {} as { context: { n: number }; events: { type: 'inc' } },
    actors: { work },
    actions: { inc: assign({ n: ({ context }) => context.n + 1 }) },
    guards: { small: ({ context }) => context.n < 3 },
    delays: { soon: 10 },
  }).createMachine({
    id: 'm',
    context: { n: 0 },
    on: { inc: { guard: 'small', actions: 'inc' } },
  })
}

describe('machines/setup', () => {
  it('makes the machine XState’s setup makes, and nothing else', () => {
    const ours = machineWith(setup)
    const theirs = machineWith(xstateSetup)
    const shape = (m: typeof ours) =>
      Object.fromEntries(Object.entries(m.implementations).map(([k, v]) => [k, Object.keys(v)]))
    expect(shape(ours)).toEqual(shape(theirs))
    expect(ours.config).toEqual(theirs.config)
    for (const machine of [ours, theirs]) {
      const actor = createActor(machine).start()
      for (let i = 0; i < 5; i++) actor.send({ type: 'inc' })
      expect(actor.getSnapshot().context.n).toBe(3) // the guard and the action both ran
    }
    expect(Object.keys(setup({}))).toEqual(['createMachine'])
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
