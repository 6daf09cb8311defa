/**
 * Laying a machine out, once: elkjs is imported on the first layout (a dynamic import, so a
 * bundler splits its ~1.6 MB into a chunk of its own that only loads when a chart is drawn), and
 * each machine's layout is kept per engine, so every panel, mount and re-mount of the same
 * machine reuses one promise.
 *
 * @module
 */
import type { AnyStateMachine } from 'xstate'
import { type ChartLayout, chartLayout, elkGraph } from './elkGraph.ts'
import type { LayoutEngine } from './elkTypes.ts'
import { type ChartGraph, chartGraph } from './graph.ts'

/** A machine's chart and its layout. */
export interface LaidOutChart {
  readonly graph: ChartGraph
  readonly layout: ChartLayout
}

/** The constructor elkjs's bundled build exports (its default export, through any interop). */
type ElkConstructor = new () => LayoutEngine

function constructorOf(module: unknown): ElkConstructor {
  // Node's ESM import of the CommonJS file gives `module.exports` as `default`; bundlers give the
  // same, or (esbuild's interop of its `__esModule` flag) `default` once more inside it.
  for (let value = module, depth = 0; depth < 3; depth++) {
    if (typeof value === 'function') return value as ElkConstructor
    value = (value as { default?: unknown } | null)?.default
  }
  throw new TypeError('elkjs/lib/elk.bundled.js has no ELK constructor')
}

let defaultEngine: Promise<LayoutEngine> | undefined

/**
 * elkjs's bundled build (layout on the main thread; no worker file to serve), imported on first
 * use. A failed import is forgotten, so a later mount tries again.
 */
export function defaultLayoutEngine(): Promise<LayoutEngine> {
  defaultEngine ??= import('elkjs/lib/elk.bundled.js').then((module) => {
    const ELK = constructorOf(module)
    return new ELK()
  })
  defaultEngine.catch(() => {
    defaultEngine = undefined
  })
  return defaultEngine
}

// Per engine, per machine definition (its config object, which `provide()` keeps).
const cache = new WeakMap<object, WeakMap<object, Promise<LaidOutChart>>>()
const DEFAULT_ENGINE_KEY = {}

/**
 * The chart of `machine` laid out by `engine` (elkjs by default); computed once per engine and
 * machine. A failed layout is not kept: the next call tries again.
 */
export function laidOutChart(
  machine: AnyStateMachine,
  engine?: LayoutEngine,
): Promise<LaidOutChart> {
  const engineKey = engine ?? DEFAULT_ENGINE_KEY
  let byMachine = cache.get(engineKey)
  if (!byMachine) {
    byMachine = new WeakMap()
    cache.set(engineKey, byMachine)
  }
  const key = machine.config as object
  let chart = byMachine.get(key)
  if (!chart) {
    chart = (async () => {
      const graph = chartGraph(machine)
      const laidOut = await (engine ?? (await defaultLayoutEngine())).layout(elkGraph(graph))
      return { graph, layout: chartLayout(graph, laidOut) }
    })()
    byMachine.set(key, chart)
    const forget = byMachine
    chart.catch(() => forget.delete(key))
  }
  return chart
}
