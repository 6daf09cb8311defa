/**
 * The path helpers against xstate/graph itself: `simplePathsTo` must find exactly the paths
 * `getSimplePaths` finds, or the session's reauthRequired path test would prove less than it
 * says. A small chart with a cycle, parallel transitions and two targets (one behind the other).
 */
import { describe, expect, it } from 'vitest'
import { createMachine } from 'xstate'
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph'
import { simplePathsTo } from './pathHelpers.ts'

const machine = createMachine({
  id: 'toy',
  initial: 'a',
  states: {
    a: { on: { NEXT: 'b', SKIP: 'c', FAIL: 'target' } },
    b: { on: { NEXT: 'c', BACK: 'a', FAIL: 'target', FAIL_HARD: 'target' } },
    c: { on: { BACK: 'b', FAIL: 'target', LOOP: 'c' } },
    target: { tags: ['end'], on: { NEXT: 'beyond' } },
    beyond: { tags: ['end'], on: { BACK: 'a' } },
  },
})

const EVENTS = ['NEXT', 'SKIP', 'BACK', 'FAIL', 'FAIL_HARD', 'LOOP'].map((type) => ({ type }))
const serialize = (snapshot: { value: unknown }) => JSON.stringify(snapshot.value)
const isEnd = (snapshot: { hasTag(tag: string): boolean }) => snapshot.hasTag('end')
const traversal = { events: EVENTS, serializeState: serialize }

/** A path as its events and the states they led to. */
const key = (path: {
  steps: ReadonlyArray<{ event: { type: string }; state: { value: unknown } }>
}) => path.steps.map((step) => `${step.event.type}>${serialize(step.state)}`).join(' ')

describe('simplePathsTo', () => {
  it('finds the same paths as getSimplePaths with toState, each ending at its first target', () => {
    const expected = getSimplePaths(machine, { ...traversal, toState: isEnd }).map(key).sort()
    const adjacency = getAdjacencyMap(machine, { ...traversal, stopWhen: isEnd })
    const paths = simplePathsTo(adjacency, serialize, isEnd)
    expect(paths.map(key).sort()).toEqual(expected)
    // Parallel transitions (FAIL, FAIL_HARD from b) are different paths; none goes past `target`.
    expect(expected).toContain('xstate.init>"a" NEXT>"b" FAIL_HARD>"target"')
    expect(paths.length).toBe(7)
    expect(paths.every((path) => path.weight === path.steps.length - 1)).toBe(true)
    expect(paths.some((path) => serialize(path.state) === '"beyond"')).toBe(false)
  })

  it('finds nothing when no target is reachable', () => {
    const adjacency = getAdjacencyMap(machine, { ...traversal, stopWhen: isEnd })
    expect(simplePathsTo(adjacency, serialize, () => false)).toEqual([])
  })
})
