/**
 * One mounted panel at work: it follows one root actor (the first that matches; once that one
 * has stopped, the newest that runs, so a flow started again is followed), draws its machine
 * when the layout is ready, and repaints at most once per microtask however many inspection
 * events one step sends. Selecting a log entry shows that entry's snapshot until "Live".
 *
 * @module
 */
import { type AnyStateMachine, createMachine } from 'xstate'
import type { RedactedActorRef } from '../actorView.ts'
import type { LayoutEngine } from './elkTypes.ts'
import { createFrame } from './frame.ts'
import type { ChartGraph } from './graph.ts'
import { laidOutChart } from './layout.ts'
import { chartMarks } from './marks.ts'
import { type LogEntry, machineIdOf, type Recorder, type MachineState } from './recorder.ts'
import { type DrawnChart, drawChart, paintChart } from './svg.ts'

/** Which root actor a panel shows, and the machine it draws. */
export interface StatechartMountOptions {
  /**
   * The machine actor to follow: a root's machine id (`'session'`, `'passwordReset'`), an actor id
   * (a machine child's too: `'tokenRefresh'`, the session's refresh timer), or a test of its
   * redacted view. By default the first machine the view saw (with `machine`: the first actor
   * running that machine's definition). A stopped actor is followed by the next that runs.
   */
  readonly actor?: string | ((actor: RedactedActorRef) => boolean)
  /**
   * The machine to draw (`session.actor.logic`); by default the definition the root actor's view
   * carries (`logic.config`).
   */
  readonly machine?: AnyStateMachine
}

/** What every panel of one view shares. */
export interface PanelContext {
  readonly recorder: Recorder
  readonly engine: LayoutEngine | undefined
  /** The nonce for the `<style>` element, under a Content Security Policy. */
  readonly nonce: string | undefined
}

let panels = 0

function matcher(options: StatechartMountOptions): (actor: RedactedActorRef) => boolean {
  const { actor, machine } = options
  if (typeof actor === 'function') return actor
  if (typeof actor === 'string') return (view) => view.id === actor || machineIdOf(view) === actor
  if (machine) return (view) => view.logic?.config === machine.config
  return (view) => view.logic?.config !== undefined
}

function machineFor(root: RedactedActorRef, options: StatechartMountOptions): AnyStateMachine {
  if (options.machine) return options.machine
  const config = root.logic?.config
  if (typeof config !== 'object' || config === null) {
    throw new TypeError(`actor ${root.id} is not a state machine`)
  }
  // Structure only (no implementations): enough to read states and transitions.
  return createMachine(config as Parameters<typeof createMachine>[0])
}

const isRunning = (state: MachineState | undefined) =>
  state === undefined || state.snapshot.status === 'active'

function snapshotJson(state: MachineState | undefined): string {
  if (!state) return ''
  const { value, status, tags, context } = state.snapshot
  try {
    return JSON.stringify({ value, status, tags, context }, null, 1)
  } catch {
    return '[unreadable]'
  }
}

/** Mounts a panel in `element`; returns the function that removes it. */
export function mountPanel(
  element: Element,
  shared: PanelContext,
  options: StatechartMountOptions,
): () => void {
  const { recorder } = shared
  const document = element.ownerDocument
  const uid = `ssv-${++panels}`
  const matches = matcher(options)
  let current: RedactedActorRef | undefined
  let machine: AnyStateMachine | undefined
  let drawn: { chart: DrawnChart; graph: ChartGraph } | undefined
  let selected: LogEntry | undefined
  let scheduled = false
  let closed = false

  const frame = createFrame(document, uid, shared.nonce, (entry) => {
    selected = entry
    update()
  })
  element.append(frame.section)
  frame.live.addEventListener('click', () => {
    selected = undefined
    update()
  })
  frame.fit.addEventListener('click', () => {
    const fit = frame.fit.getAttribute('aria-pressed') !== 'true'
    frame.fit.setAttribute('aria-pressed', String(fit))
    frame.chart.toggleAttribute('data-fit', fit)
    // At its own size the chart overflows: bring what is lit into view.
    if (!fit) frame.chart.querySelector('[data-last~=target],[data-active]')?.scrollIntoView?.()
  })

  const draw = (wanted: AnyStateMachine) => {
    drawn = undefined
    frame.status.textContent = 'Laying out the chart…'
    frame.chart.replaceChildren(frame.status)
    laidOutChart(wanted, shared.engine).then(
      ({ graph, layout }) => {
        if (closed || machine !== wanted) return
        const chart = drawChart(document, graph, layout, uid)
        drawn = { chart, graph }
        frame.chart.replaceChildren(chart.svg)
        update()
      },
      (error: unknown) => {
        if (closed || machine !== wanted) return
        const reason = error instanceof Error ? error.message : String(error)
        frame.status.textContent = `The chart could not be laid out: ${reason}`
      },
    )
  }

  /** Follows the first matching root while it runs; once it stopped, the newest that runs. */
  const pickRoot = () => {
    if (current && isRunning(recorder.latest(current))) return
    const candidates = recorder.machineActors().filter(matches)
    const running = candidates.filter((root) => isRunning(recorder.latest(root)))
    const next = (current ? running.at(-1) : running[0]) ?? current ?? candidates.at(-1)
    if (next === current || !next) return
    current = next
    selected = undefined
    frame.title.textContent = machineIdOf(next) ?? next.id
    let wanted: AnyStateMachine
    try {
      wanted = machineFor(next, options)
    } catch (error) {
      frame.status.textContent = error instanceof Error ? error.message : String(error)
      return
    }
    if (wanted.config === machine?.config) return
    machine = wanted
    draw(wanted)
  }

  function update() {
    scheduled = false
    if (closed) return
    pickRoot()
    const entries = recorder.entries().filter((entry) => entry.machineActor === current)
    // An entry that left the bounded log can no longer be shown: back to live.
    if (selected && !entries.includes(selected)) selected = undefined
    frame.log.sync(entries, selected)
    const state = selected ? selected.state : current && recorder.latest(current)
    frame.live.setAttribute('aria-pressed', String(selected === undefined))
    const tags = Array.isArray(state?.snapshot.tags) ? state.snapshot.tags : []
    frame.tags.textContent = tags.length > 0 ? `tags: ${tags.join(', ')}` : ''
    frame.json.textContent = snapshotJson(state)
    if (drawn) paintChart(drawn.chart, chartMarks(drawn.graph, state), uid)
    if (!selected) frame.log.element.scrollTop = frame.log.element.scrollHeight
  }

  const unsubscribe = recorder.subscribe(() => {
    if (scheduled || closed) return
    scheduled = true
    queueMicrotask(update)
  })
  update()

  return () => {
    if (closed) return
    closed = true
    unsubscribe()
    frame.section.remove()
  }
}
