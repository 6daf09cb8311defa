/**
 * The markup of a panel, without behaviour: a labelled region with its own `<style>`, a header
 * (machine name, tags, "Live" and "Fit" toggle buttons), the chart box, and beside it the event
 * log and the selected snapshot as JSON. Text goes in as `textContent` only, never as markup.
 *
 * @module
 */
import { createLogList, type LogList } from './logList.ts'
import type { LogEntry } from './recorder.ts'
import { VIEW_CSS } from './styles.ts'

/** Handles on the parts of a panel that change. */
export interface PanelFrame {
  readonly section: HTMLElement
  readonly title: HTMLElement
  readonly tags: HTMLElement
  /** Pressed while the panel follows the machine live. */
  readonly live: HTMLButtonElement
  /** Pressed while the chart is scaled to the panel's width (else drawn at its own size). */
  readonly fit: HTMLButtonElement
  readonly chart: HTMLElement
  /** Says what the chart box waits for, or why it stays empty. */
  readonly status: HTMLElement
  readonly log: LogList
  /** The selected (or live) snapshot as JSON. */
  readonly json: HTMLElement
}

function part(document: Document, tag: string, className: string, content = ''): HTMLElement {
  const node = document.createElement(tag)
  node.className = className
  node.textContent = content
  return node
}

function toggleButton(document: Document, className: string, label: string): HTMLButtonElement {
  const button = part(document, 'button', className, label) as HTMLButtonElement
  button.type = 'button'
  button.setAttribute('aria-pressed', 'true')
  return button
}

/** A panel's markup; `uid` keeps its ids unique, `onSelect` takes a picked log entry. */
export function createFrame(
  document: Document,
  uid: string,
  nonce: string | undefined,
  onSelect: (entry: LogEntry) => void,
): PanelFrame {
  const section = part(document, 'section', 'ssv')
  section.setAttribute('aria-label', 'Statechart view')
  const style = document.createElement('style')
  if (nonce !== undefined) style.nonce = nonce
  style.textContent = VIEW_CSS

  const title = part(document, 'h2', 'ssv-title', 'Statechart')
  const tags = part(document, 'span', 'ssv-tags')
  const live = toggleButton(document, 'ssv-live', 'Live')
  const fit = toggleButton(document, 'ssv-fit', 'Fit')
  const head = part(document, 'div', 'ssv-head')
  head.append(title, tags, live, fit)

  const chart = part(document, 'div', 'ssv-chart')
  chart.setAttribute('data-fit', '')
  const status = part(document, 'p', 'ssv-status', 'Waiting for a machine to start…')
  chart.append(status)

  const logTitle = part(document, 'h3', 'ssv-log-title', 'Events')
  logTitle.id = `${uid}-log`
  const log = createLogList(document, onSelect)
  log.element.setAttribute('aria-labelledby', logTitle.id)
  const json = part(document, 'pre', 'ssv-json')
  const details = part(document, 'details', 'ssv-snapshot')
  details.append(part(document, 'summary', '', 'Snapshot'), json)
  const side = part(document, 'div', 'ssv-side')
  side.append(logTitle, log.element, details)

  section.append(style, head, chart, side)
  return { section, title, tags, live, fit, chart, status, log, json }
}
