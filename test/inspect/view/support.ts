/**
 * Helpers of the statechart view tests: a session on the in-process emulator inspected by a view,
 * a clock the test moves, and waiting for the DOM to show something.
 */
import { expect } from 'vitest'
import { createStatechartView, type StatechartViewOptions } from '../../../src/inspect/view.ts'
import { createSessionHarness, type SessionHarness } from '../../session/harness.ts'

/** A clock that reads what the test set: deterministic time offsets. */
export function testClock(start = 1_000) {
  let time = start
  return {
    now: () => time,
    advance(ms: number) {
      time += ms
    },
  }
}

/** A view and a session (on its own emulator) that the view inspects. */
export function viewedSession(options: StatechartViewOptions = {}) {
  const harness: SessionHarness & { stopAll(): void } = createSessionHarness()
  const view = createStatechartView(options)
  const session = harness.session({ inspect: view.inspect })
  const shopper = harness.emulator.settings.shoppers[0]
  if (!shopper) throw new Error('a seeded shopper')
  return { harness, view, session, shopper }
}

/** The state node `id` of the chart in `root`. */
export function stateNode(root: ParentNode, id: string): Element | null {
  return root.querySelector(`[data-state-id="${id}"]`)
}

/** Whether the state `id` is lit. */
export function lit(root: ParentNode, id: string): boolean {
  return stateNode(root, id)?.hasAttribute('data-active') ?? false
}

/** Waits (polling) until `check` holds; the chart's layout is asynchronous. */
export async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  await expect.poll(check, { timeout: timeoutMs, interval: 10 }).toBe(true)
}

/** The log's buttons in `root`. */
export function logButtons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('.ssv-log button')]
}
