/**
 * Laying charts out with elkjs (the bundled build, in Node): ELK's layered algorithm across the
 * hierarchy in one pass, nested states as compound nodes, every box inside its parent's and clear
 * of its siblings, every arrow routed from its source's border to its target's with a label, all
 * in one coordinate system; each machine laid out once per engine, a failure not kept.
 */
import { describe, expect, it } from 'vitest'
import { passwordResetMachine } from '../../../machines/passwordResetMachine.ts'
import { sessionMachine } from '../../../machines/sessionMachine.ts'
import type { StateBox } from '../../../src/inspect/view/elkGraph.ts'
import { elkGraph } from '../../../src/inspect/view/elkGraph.ts'
import type { ElkNode } from '../../../src/inspect/view/elkTypes.ts'
import { chartGraph } from '../../../src/inspect/view/graph.ts'
import { defaultLayoutEngine, laidOutChart } from '../../../src/inspect/view/layout.ts'

const inside = (inner: StateBox, outer: StateBox) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height

const overlap = (a: StateBox, b: StateBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Whether `point` lies on the border of `box` (within half a pixel). */
const onBorder = (point: { x: number; y: number }, box: StateBox) => {
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.5
  const withinX = point.x >= box.x - 0.5 && point.x <= box.x + box.width + 0.5
  const withinY = point.y >= box.y - 0.5 && point.y <= box.y + box.height + 0.5
  return (
    (withinX && (near(point.y, box.y) || near(point.y, box.y + box.height))) ||
    (withinY && (near(point.x, box.x) || near(point.x, box.x + box.width)))
  )
}

describe('the ELK graph of a chart', () => {
  it('asks for the layered algorithm across the hierarchy, nested states as compound nodes', () => {
    const graph = elkGraph(chartGraph(sessionMachine))
    expect(graph.layoutOptions).toMatchObject({
      'elk.algorithm': 'layered',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    })
    const registered = graph.children?.find((node) => node.id === 'state:session.registered')
    expect(registered?.children?.map((node) => node.id)).toEqual([
      'state:session.registered.freshness',
      'state:session.registered.activity',
    ])
    expect(graph.edges?.[0]?.labels?.[0]?.text).toBe('onDone restoreSession')
  })
})

describe('laidOutChart', { timeout: 30_000 }, () => {
  it.each([
    ['session', sessionMachine],
    ['passwordReset', passwordResetMachine],
  ] as const)('lays the %s machine out: nested, apart, routed and labelled', async (_, machine) => {
    const { graph, layout } = await laidOutChart(machine)
    for (const state of graph.states) {
      const box = layout.states.get(state.id)
      expect(box, state.id).toBeDefined()
      if (!box) continue
      expect(box.width).toBeGreaterThan(0)
      const parent = state.parentId === undefined ? undefined : layout.states.get(state.parentId)
      if (parent) expect(inside(box, parent), `${state.id} inside its parent`).toBe(true)
      expect(inside(box, { x: 0, y: 0, width: layout.width, height: layout.height })).toBe(true)
      for (const sibling of graph.states) {
        const other = layout.states.get(sibling.id)
        if (sibling === state || sibling.parentId !== state.parentId || !other) continue
        expect(overlap(box, other), `${state.id} clear of ${sibling.id}`).toBe(false)
      }
    }
    for (const edge of graph.edges) {
      const route = layout.edges.get(edge.id)
      const source = layout.states.get(edge.sourceId)
      const target = layout.states.get(edge.targetId)
      expect(route?.points.length, edge.title).toBeGreaterThanOrEqual(2)
      expect(route?.label?.width).toBeGreaterThan(0)
      const [first] = route?.points ?? []
      const last = route?.points.at(-1)
      if (!first || !last || !source || !target) throw new Error(`${edge.title}: not laid out`)
      expect(onBorder(first, source), `${edge.title} leaves ${edge.sourceId}`).toBe(true)
      expect(onBorder(last, target), `${edge.title} enters ${edge.targetId}`).toBe(true)
    }
  })

  it('lays a machine out once per engine, whatever implementations it was given', async () => {
    const engine = await defaultLayoutEngine()
    let calls = 0
    const counting = {
      layout: (graph: ElkNode) => {
        calls += 1
        return engine.layout(graph)
      },
    }
    const first = laidOutChart(passwordResetMachine, counting)
    expect(laidOutChart(passwordResetMachine.provide({}), counting)).toBe(first)
    await first
    expect(laidOutChart(passwordResetMachine, counting)).toBe(first)
    expect(calls).toBe(1)
  })

  it('forgets a failed layout, so the next mount tries again', async () => {
    let calls = 0
    const flaky = {
      layout: (_graph: ElkNode): Promise<ElkNode> => {
        calls += 1
        return Promise.reject(new Error(`failure ${calls}`))
      },
    }
    await expect(laidOutChart(passwordResetMachine, flaky)).rejects.toThrow('failure 1')
    await expect(laidOutChart(passwordResetMachine, flaky)).rejects.toThrow('failure 2')
  })
})
