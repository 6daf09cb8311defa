// @vitest-environment happy-dom
/**
 * The statechart view mounted in a document (happy-dom) with a real session on the in-process
 * emulator and elkjs laying the chart out: the active states are lit and the last transition is
 * marked as the shopper logs in; selecting an earlier log entry shows the machine as it was then
 * (with the keyboard too), "Live" follows it again; the log is bounded; panels come and go.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createAccountFlows } from '../../../src/account.ts'
import { createStatechartView, type ElkNode } from '../../../src/inspect/view.ts'
import { createSessionHarness } from '../../session/harness.ts'
import { emulatorResetPort, untilTag } from '../../account/support.ts'
import { lit, logButtons, stateNode, testClock, until, viewedSession } from './support.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  document.body.replaceChildren()
})

/** A view on a session, mounted in a fresh element; the session is started. */
async function mounted(options: Parameters<typeof viewedSession>[0] = {}) {
  const viewed = viewedSession(options)
  cleanups.push(
    () => viewed.harness.stopAll(),
    () => viewed.view.dispose(),
  )
  const element = document.createElement('div')
  document.body.append(element)
  const unmount = viewed.view.mount(element)
  await viewed.session.ready()
  await until(() => lit(element, 'session.guest'))
  return { ...viewed, element, unmount }
}

const GUEST_LIVE = 'session.guest.session.live'
const TRANSFER = 'session.registered.activity.transferringBasket'
const IDLE = 'session.registered.activity.idle'

function lastEdges(root: ParentNode) {
  return [...root.querySelectorAll('.ssv-edge[data-last]')].map(
    (edge) => `${edge.getAttribute('data-source')} -> ${edge.getAttribute('data-target')}`,
  )
}

function entryButton(root: ParentNode, eventType: string, actor: string) {
  const button = logButtons(root).find(
    (candidate) => candidate.dataset.event === eventType && candidate.dataset.actor === actor,
  )
  if (!button) throw new Error(`no log entry ${eventType} of ${actor}`)
  return button
}

const liveButton = (root: ParentNode) => {
  const button = root.querySelector<HTMLButtonElement>('.ssv-live')
  if (!button) throw new Error('no live button')
  return button
}

// The first layout imports elkjs (1.6 MB) and lays the session out: seconds on a busy machine.
describe('the statechart view', { timeout: 20_000 }, () => {
  it('lights the active states and marks the last transition as the shopper logs in', async () => {
    const { element, session, shopper } = await mounted()
    const svg = element.querySelector('svg')
    expect(svg?.getAttribute('role')).toBe('img')
    expect(svg?.querySelector('title')?.textContent).toBe('Statechart of session')
    expect(lit(element, GUEST_LIVE)).toBe(true)
    expect(lit(element, 'session.registered')).toBe(false)

    await session.login(shopper.login, shopper.password)
    await until(() => lit(element, IDLE))
    expect(lit(element, 'session.registered')).toBe(true)
    expect(lit(element, 'session.registered.freshness.fresh')).toBe(true)
    expect(lit(element, 'session.guest')).toBe(false)
    expect(lit(element, TRANSFER)).toBe(false)
    // The latest change: the basket was carried over.
    expect(lastEdges(element)).toEqual([`${TRANSFER} -> ${IDLE}`])
    expect(stateNode(element, TRANSFER)?.getAttribute('data-last')).toBe('source')
    expect(stateNode(element, IDLE)?.getAttribute('data-last')).toBe('target')
    expect(element.querySelector('.ssv-tags')?.textContent).toContain('registered')
    expect(svg?.querySelector('desc')?.textContent).toContain(`Last transition: ${TRANSFER}`)
  })

  it('shows an earlier snapshot when a log entry is selected, and follows again on Live', async () => {
    const { element, session, shopper } = await mounted()
    await session.login(shopper.login, shopper.password)
    await until(() => lit(element, IDLE))

    const signedIn = entryButton(element, 'xstate.done.actor.authorizeCustomer', 'session')
    signedIn.click()
    expect(lit(element, 'session.guest')).toBe(true)
    expect(lit(element, GUEST_LIVE)).toBe(true)
    expect(lit(element, 'session.registered')).toBe(false)
    expect(lastEdges(element)).toEqual([`session.guest.session.signingIn -> ${GUEST_LIVE}`])
    expect(signedIn.getAttribute('aria-pressed')).toBe('true')
    expect(liveButton(element).getAttribute('aria-pressed')).toBe('false')
    expect(element.querySelector('.ssv-json')?.textContent).toContain('"guest"')

    // The keyboard walks the log: the entry after it is the guest's first refresh timer.
    signedIn.focus()
    signedIn.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))
    const next = logButtons(element)[logButtons(element).indexOf(signedIn) + 1]
    expect(next?.getAttribute('aria-pressed')).toBe('true')
    expect(document.activeElement).toBe(next)
    expect(signedIn.getAttribute('aria-pressed')).toBe('false')

    liveButton(element).click()
    expect(lit(element, 'session.registered')).toBe(true)
    expect(lit(element, 'session.guest')).toBe(false)
    expect(liveButton(element).getAttribute('aria-pressed')).toBe('true')
    expect(logButtons(element).filter((button) => button.ariaPressed === 'true')).toEqual([])
  })

  it('logs each snapshot change with its event, its actor and the time since the view started', async () => {
    const clock = testClock()
    const { element, session, shopper, view } = await mounted({ now: clock.now })
    clock.advance(2_500)
    await session.login(shopper.login, shopper.password)
    await until(() => lit(element, IDLE))
    const login = view.entries().find((entry) => entry.eventType === 'login')
    expect(login).toMatchObject({ actor: 'session', offsetMs: 2_500 })
    expect(login?.snapshot).toMatchObject({
      value: { guest: { session: { live: { activity: 'authenticating' } } } },
    })
    const button = entryButton(element, 'login', 'session')
    expect(button.textContent).toBe('+2.500s login session')
    // Invoked actors are logged under their own names.
    const actors = new Set(view.entries().map((entry) => entry.actor))
    expect([...actors].sort()).toEqual(
      expect.arrayContaining(['authenticateCustomer', 'session', 'tokenRefresh', 'transferBasket']),
    )
    // The session's panel lists the session's entries and its promises'; the token refresh
    // timer is a machine of its own, charted (and listed) in a panel of its own.
    expect(logButtons(element).map((entry) => Number(entry.dataset.seq))).toEqual(
      view
        .entries()
        .filter((entry) => entry.actor !== 'tokenRefresh')
        .map((entry) => entry.seq),
    )
  })

  it("charts a machine child on its own: the session's token refresh timer", async () => {
    const { session, shopper, view } = await mounted()
    const timerPanel = document.body.appendChild(document.createElement('div'))
    view.mount(timerPanel, { actor: 'tokenRefresh' })
    await session.login(shopper.login, shopper.password)
    await until(() => timerPanel.querySelector('[data-active]') !== null)
    expect(timerPanel.querySelector('.ssv-title')?.textContent).toContain('tokenRefresh')
    const active = [...timerPanel.querySelectorAll('[data-active]')].map((node) =>
      node.getAttribute('data-state-id'),
    )
    expect(active.every((id) => id?.startsWith('tokenRefresh'))).toBe(true)
    expect(logButtons(timerPanel).map((button) => button.dataset.actor)).toEqual(
      logButtons(timerPanel).map(() => 'tokenRefresh'),
    )
    expect(logButtons(timerPanel).length).toBeGreaterThan(0)
  })

  it('keeps at most maxEntries entries, in the log and on the page', async () => {
    const { element, session, shopper, view } = await mounted({ maxEntries: 5 })
    const selected = logButtons(element)[0]
    selected?.click()
    expect(selected?.getAttribute('aria-pressed')).toBe('true')
    await session.login(shopper.login, shopper.password)
    await until(() => logButtons(element).at(-1)?.dataset.event === 'xstate.promise.resolve')
    const entries = view.entries()
    expect(entries).toHaveLength(5)
    expect(entries.map((entry) => entry.seq)).toEqual(
      Array.from({ length: 5 }, (_, index) => (entries[0]?.seq ?? 0) + index),
    )
    expect(entries[0]?.seq).toBeGreaterThan(5)
    expect(logButtons(element)).toHaveLength(5)
    // The selected entry left the log: the view follows the session again.
    expect(liveButton(element).getAttribute('aria-pressed')).toBe('true')
    expect(lit(element, 'session.registered')).toBe(true)
  })

  it('draws a machine that started before the view was mounted, and one mounted before it started', async () => {
    const view = createStatechartView()
    const early = document.createElement('div')
    document.body.append(early)
    view.mount(early)
    expect(early.querySelector('.ssv-status')?.textContent).toBe('Waiting for a machine to start…')
    const harness = createSessionHarness()
    cleanups.push(
      () => harness.stopAll(),
      () => view.dispose(),
    )
    await harness.session({ inspect: view.inspect }).ready()
    const late = document.createElement('div')
    document.body.append(late)
    view.mount(late)
    await until(() => lit(early, GUEST_LIVE) && lit(late, GUEST_LIVE))
    expect(logButtons(late)).toHaveLength(logButtons(early).length)
  })

  it('follows a named root actor: an account flow, and the next run once it ended', async () => {
    const { harness, session, view } = await mounted()
    const account = createAccountFlows(session, {
      passwordReset: emulatorResetPort(harness.emulator),
      inspect: view.inspect,
    })
    const element = document.createElement('div')
    document.body.append(element)
    view.mount(element, { actor: 'passwordReset' })
    const first = account.startPasswordReset()
    await until(() => lit(element, 'passwordReset.idle'))
    expect(element.querySelector('.ssv-title')?.textContent).toBe('passwordReset')
    first.send({ type: 'request', login: 'ada@example.com' })
    await untilTag(first, 'tokenSent')
    await until(() => lit(element, 'passwordReset.tokenSent'))
    first.stop()
    const second = account.startPasswordReset()
    await until(() => lit(element, 'passwordReset.idle'))
    expect(logButtons(element).every((button) => button.dataset.event !== 'request')).toBe(true)
    second.stop()
  })

  it('removes a panel on unmount, and every panel and the log on dispose', async () => {
    const { element, unmount, view, session } = await mounted()
    const other = document.createElement('div')
    document.body.append(other)
    view.mount(other)
    unmount()
    unmount() // twice is harmless
    expect(element.querySelector('.ssv')).toBeNull()
    expect(other.querySelector('.ssv')).not.toBeNull()
    view.dispose()
    expect(other.querySelector('.ssv')).toBeNull()
    expect(view.entries()).toEqual([])
    await session.getAccessToken({ force: true })
    expect(view.entries()).toEqual([])
  })

  it('scales the chart to the panel, or shows it at its own size', async () => {
    const { element } = await mounted()
    const fit = element.querySelector<HTMLButtonElement>('.ssv-fit')
    const chart = element.querySelector('.ssv-chart')
    expect(fit?.getAttribute('aria-pressed')).toBe('true')
    expect(chart?.hasAttribute('data-fit')).toBe(true)
    fit?.click()
    expect(fit?.getAttribute('aria-pressed')).toBe('false')
    expect(chart?.hasAttribute('data-fit')).toBe(false)
    fit?.click()
    expect(chart?.hasAttribute('data-fit')).toBe(true)
  })

  it('refuses a log bound that would not bound it', () => {
    for (const maxEntries of [0, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createStatechartView({ maxEntries })).toThrow(/maxEntries/)
    }
  })

  it('says why when the layout fails, without an unhandled rejection', async () => {
    const failing = { layout: (_graph: ElkNode) => Promise.reject(new Error('no layout today')) }
    const viewed = viewedSession({ layoutEngine: failing })
    cleanups.push(
      () => viewed.harness.stopAll(),
      () => viewed.view.dispose(),
    )
    const element = document.createElement('div')
    document.body.append(element)
    viewed.view.mount(element)
    await viewed.session.ready()
    await until(() =>
      (element.querySelector('.ssv-status')?.textContent ?? '').includes('no layout today'),
    )
    expect(element.querySelector('svg')).toBeNull()
    // The log still works without a chart.
    expect(logButtons(element).length).toBeGreaterThan(0)
  })

  it('lays each machine out once per engine, however many panels draw it', async () => {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js')
    const elk = new ELK()
    let layouts = 0
    const counting = {
      layout: (graph: ElkNode) => {
        layouts += 1
        return elk.layout(graph)
      },
    }
    const { element, view } = await mounted({ layoutEngine: counting })
    const unmountSecond = view.mount(document.body.appendChild(document.createElement('div')))
    unmountSecond()
    const third = document.body.appendChild(document.createElement('div'))
    view.mount(third)
    await until(() => lit(third, GUEST_LIVE) && lit(element, GUEST_LIVE))
    expect(layouts).toBe(1)
  })
})
