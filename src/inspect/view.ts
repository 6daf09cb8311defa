/**
 * `shopper-session/inspect/view`: a live statechart view for the browser. The session's (and the
 * account flows') machine drawn as SVG, laid out by elkjs, with the active states lit, the last
 * transition marked and a log of the events that can be stepped back through. Plain DOM, no
 * framework: `mount(element)` draws into any element (a React ref, a Vue template ref, a
 * `div` of its own). It only ever sees what {@link redactedInspector} hands over.
 *
 * elkjs is an optional peer dependency of this entry alone (`npm i elkjs`), imported when the
 * first chart is laid out; nothing else in the package loads it.
 *
 * @example
 * ```ts
 * import { createShopperSession } from 'shopper-session'
 * import { createStatechartView } from 'shopper-session/inspect/view'
 *
 * const view = createStatechartView()
 * const session = createShopperSession({ ...config, inspect: view.inspect })
 * const unmount = view.mount(document.getElementById('statechart')!)
 * ```
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { redactedInspector } from './inspectors.ts'
import type { ShopperInspector } from './registry.ts'
import { mountPanel, type StatechartMountOptions } from './view/panel.ts'
import type { LayoutEngine } from './view/elkTypes.ts'
import { createRecorder } from './view/recorder.ts'

export type { ElkNode, LayoutEngine } from './view/elkTypes.ts'
export type { RedactedActorRef } from './actorView.ts'
export type { StatechartMountOptions } from './view/panel.ts'

/** Options of {@link createStatechartView}. */
export interface StatechartViewOptions {
  /** Log entries kept, a whole number from 1; the oldest go first (default 200). */
  readonly maxEntries?: number
  /**
   * The clock of the log's time offsets, in ms (default `performance.now`). Read when an entry is
   * recorded, never inside a machine.
   */
  readonly now?: () => number
  /**
   * What lays the chart out (default `new ELK()` from `elkjs/lib/elk.bundled.js`, imported on
   * first use). Pass `new ELK({ workerUrl })` from `elkjs/lib/elk-api.js` to lay out in a worker.
   */
  readonly layoutEngine?: LayoutEngine
  /** A nonce for the injected `<style>` element, under a Content Security Policy. */
  readonly styleNonce?: string
}

/** One entry of the log, as {@link StatechartView.entries} lists it: redacted data only. */
export interface StatechartLogEntry {
  /** Increases by one per entry over the view's life. */
  readonly seq: number
  /** Milliseconds since the view was created (by `now`). */
  readonly offsetMs: number
  /** The event the actor took: `login`, `xstate.done.actor.authenticateCustomer`, … */
  readonly eventType: string
  /** The actor that took it: its id, or its machine's id (`session`) for a root actor. */
  readonly actor: string
  /** Its root machine's snapshot after this entry (`{ value, status, tags, context, … }`). */
  readonly snapshot: unknown
}

/** A statechart view: one recorder, any number of mounted panels. */
export interface StatechartView {
  /**
   * The inspector to pass as `inspect` to `createShopperSession` and `createAccountFlows`: a
   * {@link redactedInspector}, so the view never holds a token or a password.
   */
  readonly inspect: ShopperInspector
  /**
   * Draws the chart, the log and the selected snapshot into `element` (appended; the element's
   * own content stays). Returns the function that removes them again.
   */
  mount(element: Element, options?: StatechartMountOptions): () => void
  /** The log, oldest first. */
  entries(): StatechartLogEntry[]
  /** Stops recording, forgets the log and removes every mounted panel. */
  dispose(): void
}

const DEFAULT_MAX_ENTRIES = 200

function defaultNow(): number {
  return globalThis.performance?.now() ?? Date.now()
}

/**
 * A live statechart view. Pass `view.inspect` to the session (and the account flows), then
 * `view.mount(element)` to draw the session's machine with its active states lit, the last
 * transition marked and the event log beside it; selecting an entry shows the machine as it was
 * then, and "Live" follows it again.
 *
 * @example
 * ```ts
 * const view = createStatechartView({ maxEntries: 500 })
 * const session = createShopperSession({ ...config, inspect: view.inspect })
 * const account = createAccountFlows(session, { inspect: view.inspect })
 * view.mount(sessionPanel) // the session (the first machine the view saw)
 * view.mount(flowPanel, { actor: 'passwordReset' })
 * ```
 */
export function createStatechartView(options: StatechartViewOptions = {}): StatechartView {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
  // NaN or Infinity would leave the log unbounded: the one thing the bound is for.
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new ShopperSessionError('invalid_config', 'maxEntries: must be a whole number from 1')
  }
  const recorder = createRecorder(maxEntries, options.now ?? defaultNow)
  const unmounts = new Set<() => void>()
  const shared = { recorder, engine: options.layoutEngine, nonce: options.styleNonce }
  return {
    inspect: redactedInspector(recorder.observe),
    mount(element, mountOptions = {}) {
      const unmount = mountPanel(element, shared, mountOptions)
      const remove = () => {
        unmounts.delete(remove)
        unmount()
      }
      unmounts.add(remove)
      return remove
    },
    entries: () =>
      recorder.entries().map(({ seq, offsetMs, eventType, actor, state }) => ({
        seq,
        offsetMs,
        eventType,
        actor,
        snapshot: state?.snapshot,
      })),
    dispose() {
      for (const unmount of [...unmounts]) unmount()
      recorder.stop()
    },
  }
}
