/**
 * The event log as a list of buttons: each shows the time since the view started, the event and
 * the actor that took it; pressing one selects it (time travel). Buttons, so mouse, keyboard and
 * screen readers all work; the arrow keys, Home and End also move through the log and select.
 *
 * @module
 */
import type { LogEntry } from './recorder.ts'

/** The rendered log. */
export interface LogList {
  readonly element: HTMLOListElement
  /** Shows exactly `entries` (appending new ones, dropping gone ones) with `selected` pressed. */
  sync(entries: readonly LogEntry[], selected: LogEntry | undefined): void
}

interface Item {
  readonly entry: LogEntry
  readonly li: HTMLLIElement
  readonly button: HTMLButtonElement
}

const seconds = (ms: number) => `+${(ms / 1000).toFixed(3)}s`

const MOVES = new Map<string, (index: number, last: number) => number>([
  ['ArrowDown', (index, last) => Math.min(index + 1, last)],
  ['ArrowUp', (index) => Math.max(index - 1, 0)],
  ['Home', () => 0],
  ['End', (_, last) => last],
])

/** A log list in `document`; `onSelect` runs when the user picks an entry. */
export function createLogList(document: Document, onSelect: (entry: LogEntry) => void): LogList {
  const element = document.createElement('ol')
  element.className = 'ssv-log'
  const items = new Map<number, Item>()

  const render = (entry: LogEntry): Item => {
    const li = document.createElement('li')
    const button = document.createElement('button')
    button.type = 'button'
    button.dataset.seq = String(entry.seq)
    button.dataset.event = entry.eventType
    button.dataset.actor = entry.actor
    const time = document.createElement('span')
    time.textContent = seconds(entry.offsetMs)
    const event = document.createElement('span')
    event.textContent = entry.eventType || '(no event)'
    const actor = document.createElement('small')
    actor.textContent = entry.actor
    // Spaces between the parts: the grid ignores them, a screen reader's name needs them.
    button.append(time, ' ', event, ' ', actor)
    button.addEventListener('click', () => onSelect(entry))
    li.append(button)
    return { entry, li, button }
  }

  element.addEventListener('keydown', (event) => {
    const move = MOVES.get(event.key)
    const buttons = [...items.values()].map((item) => item.button)
    const index = buttons.indexOf(event.target as HTMLButtonElement)
    if (!move || index < 0) return
    event.preventDefault()
    const next = [...items.values()][move(index, buttons.length - 1)]
    if (!next) return
    next.button.focus()
    onSelect(next.entry)
  })

  return {
    element,
    sync(entries, selected) {
      const shown = new Set(entries.map((entry) => entry.seq))
      for (const [seq, item] of items) {
        if (!shown.has(seq)) {
          item.li.remove()
          items.delete(seq)
        }
      }
      for (const entry of entries) {
        if (items.has(entry.seq)) continue
        const item = render(entry)
        items.set(entry.seq, item)
        element.append(item.li)
      }
      for (const item of items.values()) {
        item.button.setAttribute('aria-pressed', String(item.entry === selected))
      }
    },
  }
}
