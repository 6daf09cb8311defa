/**
 * `toMermaid`: a machine with every feature drawn exactly (nested and parallel states, initial,
 * final and history states, events, guards and their combinators, named and numeric delays,
 * an invoked actor's done and error, eventless transitions, multiple targets, a transition of the
 * machine itself, ids that Mermaid would misread), the same text every time, and every machine
 * of the package written the way Mermaid's state diagram grammar reads it.
 */
import { and, type AnyStateMachine, fromPromise, not, setup } from 'xstate'
import { describe, expect, it } from 'vitest'
import { loginIdChangeMachine } from '../../machines/loginIdChangeMachine.ts'
import { passwordChangeMachine } from '../../machines/passwordChangeMachine.ts'
import { passwordResetMachine } from '../../machines/passwordResetMachine.ts'
import { sessionMachine } from '../../machines/sessionMachine.ts'
import { tokenRefreshMachine } from '../../machines/tokenRefreshMachine.ts'
import { toMermaid } from '../../src/inspect.ts'

function demoMachine() {
  return setup({
    actors: { load: fromPromise(async () => 1) },
    guards: { ready: () => true, fresh: () => true },
    delays: { backoff: 100 },
  }).createMachine({
    id: 'demo',
    initial: 'loading',
    on: { reset: '.loading' },
    states: {
      loading: {
        invoke: {
          src: 'load',
          onDone: [
            { guard: and(['ready', not('fresh')]), target: 'active.work.busy' },
            { target: 'active' },
          ],
          onError: { guard: ({ event }) => event.error !== undefined, target: 'failed' },
        },
        after: { 500: 'failed', backoff: { target: 'loading', reenter: true } },
      },
      active: {
        type: 'parallel',
        on: { 'stop;now': { target: ['#demo.active.work.idle', '#demo.active.mode.light'] } },
        states: {
          work: {
            initial: 'idle',
            states: {
              idle: { on: { go: 'busy', noop: { actions: () => undefined } } },
              busy: { always: { guard: 'ready', target: 'idle' }, on: { finish: '#demo.done' } },
            },
          },
          mode: {
            initial: 'light',
            on: { toggle: '.dark' },
            states: { light: {}, dark: { type: 'final' } },
            onDone: '#demo.failed',
          },
        },
      },
      default: { on: { x: 'a_b' } },
      a_b: {},
      a: { initial: 'b', states: { b: {}, hist: { type: 'history', history: 'deep' } } },
      failed: {},
      done: { type: 'final' },
    },
  })
}

const DEMO = `stateDiagram-v2
  state "loading" as loading
  state "active" as active {
    state "work" as active_work {
      state "idle" as active_work_idle
      state "busy" as active_work_busy
      [*] --> active_work_idle
    }
    --
    state "mode" as active_mode {
      state "light" as active_mode_light
      state "dark" as active_mode_dark
      [*] --> active_mode_light
      active_mode_dark --> [*]
    }
  }
  state "default" as s_default
  state "a_b" as a_b
  state "a" as a {
    state "b" as a_b_2
    state "H*" as a_hist
    [*] --> a_b_2
  }
  state "failed" as failed
  state "done" as done
  [*] --> loading
  done --> [*]
  loading --> loading : reset
  active --> loading : reset
  s_default --> loading : reset
  a_b --> loading : reset
  a --> loading : reset
  failed --> loading : reset
  loading --> active_work_busy : onDone load [ready and (not fresh)]
  loading --> active : onDone load
  loading --> failed : onError load [inline guard]
  loading --> failed : after 500ms
  loading --> loading : after backoff
  active --> active_work_idle : stop now
  active --> active_mode_light : stop now
  active_work_idle --> active_work_busy : go
  active_work_busy --> done : finish
  active_work_busy --> active_work_idle : always [ready]
  active_mode_light --> active_mode_dark : toggle (from mode)
  active_mode_light --> failed : onDone (from mode)
  s_default --> a_b : x
`

const MACHINES: Record<string, AnyStateMachine> = {
  sessionMachine,
  tokenRefreshMachine,
  passwordResetMachine,
  loginIdChangeMachine,
  passwordChangeMachine,
  demo: demoMachine(),
}

/**
 * Why `diagram` would not read as meant in Mermaid's `stateDiagram-v2`, or `[]`. The rules come
 * from its grammar and its placement of states: ids of word characters that do not start with a
 * keyword, each state declared once, labels without `;`, `#` or `::`, `--` only inside a block,
 * and inside a block only the block's own children named (a state named in another block moves
 * there); arrows between states at the top level, to declared states only.
 */
function mermaidProblems(diagram: string): string[] {
  const problems: string[] = []
  const declared = new Map<string, string | undefined>() // id → parent id
  const stack: string[] = []
  const arrows: string[][] = []
  const lines = diagram.trimEnd().split('\n')
  if (lines[0] !== 'stateDiagram-v2') problems.push('no header')
  for (const line of lines.slice(1)) {
    const state = /^\s*state "([^"\n]*)" as (\w+)( \{)?$/.exec(line)
    const arrow = /^\s*(\[\*\]|\w+) --> (\[\*\]|\w+)(?: : ([^\n]+))?$/.exec(line)
    if (state) {
      const id = state[2] ?? ''
      if (declared.has(id)) problems.push(`declared twice: ${id}`)
      if (/^(click|href|default)/i.test(id)) problems.push(`keyword id: ${id}`)
      declared.set(id, stack.at(-1))
      if (state[3]) stack.push(id)
    } else if (/^\s*\}$/.test(line)) {
      if (!stack.pop()) problems.push('unbalanced }')
    } else if (/^\s*--$/.test(line)) {
      if (stack.length === 0) problems.push('-- outside a block')
    } else if (arrow) {
      const [, from = '', to = '', label] = arrow
      if (label !== undefined && /[;#]|::/.test(label)) problems.push(`bad label: ${label}`)
      arrows.push([from, to, stack.at(-1) ?? ''])
    } else problems.push(`unreadable: ${line}`)
  }
  if (stack.length > 0) problems.push('unclosed block')
  for (const [from = '', to = '', block] of arrows) {
    for (const id of [from, to].filter((end) => end !== '[*]')) {
      if (!declared.has(id)) problems.push(`undeclared: ${id}`)
      else if (block && declared.get(id) !== block) problems.push(`${id} named in ${block}`)
    }
    if (block && from !== '[*]' && to !== '[*]') problems.push(`arrow inside ${block}`)
  }
  return problems
}

describe('toMermaid', () => {
  it('draws every feature of a machine exactly', () => {
    expect(toMermaid(demoMachine())).toBe(DEMO)
  })

  it.each(Object.entries(MACHINES))('writes %s the same way every time', (_, machine) => {
    expect(toMermaid(machine)).toBe(toMermaid(machine))
  })

  it('writes two builds of one machine alike', () => {
    expect(toMermaid(demoMachine())).toBe(toMermaid(demoMachine()))
  })

  it.each(Object.entries(MACHINES))('writes %s as Mermaid reads it', (_, machine) => {
    expect(mermaidProblems(toMermaid(machine))).toEqual([])
  })

  it("draws the session machine's states, regions and transitions", () => {
    const diagram = toMermaid(sessionMachine)
    for (const line of [
      '      state "live" as guest_session_live {',
      '    --',
      '  [*] --> restoring',
      '  restoring_reading --> restoring_backingOff : onError restoreSession [canRetry]',
      '  registered_freshness_fresh --> registered_freshness_stale : after accessTokenExpiry',
      // Into a composite nested in a parallel state: drawn at its initial leaf, and said so.
      '  guest_session_signingIn --> guest_session_live_freshness_fresh : ' +
        'onDone authorizeCustomer (to live)',
      '  registered --> guest_session_signingIn : onDone tokenRefresh',
      '  registered --> guest_notice_reauthRequired : onDone tokenRefresh',
    ]) {
      expect(diagram.split('\n')).toContain(line)
    }
  })

  it('finds what Mermaid would misread (the check can fail)', () => {
    const bad = [
      'stateDiagram-v2',
      '  state "a" as a {',
      '    state "b" as b',
      '  }',
      '  state "c" as c {',
      '    b --> c',
      '  }',
      '  --',
      '  state "x" as default_x',
      '  a --> b : go; now',
    ].join('\n')
    expect(mermaidProblems(bad)).toEqual([
      '-- outside a block',
      'keyword id: default_x',
      'bad label: go; now',
      'b named in c',
      'c named in c',
      'arrow inside c',
    ])
  })
})
