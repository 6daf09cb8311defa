/**
 * The access token's countdown and the log of what the session did with its tokens: proactive
 * refreshes, refreshes adopted from another tab, failures, re-logins.
 *
 * @module
 */
import { useState, useSyncExternalStore } from 'react'
import { useSessionEvent, useSessionTags, useShopper } from 'shopper-session/react'
import { errorWords } from '../ui/index.ts'
import { session } from '../shop.ts'
import { useNow } from './useNow.ts'

interface LogLine {
  id: number
  at: number
  text: string
  kind: 'ok' | 'warn' | 'error'
}

const MAX_LINES = 12

const subscribe = (onChange: () => void) => session.subscribe(() => onChange())

/** The token's expiry and when the session refreshes it (client clock, ms). */
function useTokenTimes(): { expiresAt: number; refreshAt: number } | undefined {
  const expiresAt = useSyncExternalStore(subscribe, () => session.getTokens()?.accessExpiresAt)
  const leeway = useSyncExternalStore(subscribe, () => {
    const tokens = session.getTokens()
    return tokens === undefined ? undefined : tokens.expiresInMs - tokens.refreshInMs
  })
  if (expiresAt === undefined) return undefined
  return { expiresAt, refreshAt: expiresAt - (leeway ?? 0) }
}

function seconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}

function time(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour12: false })
}

function useRefreshLog(): LogLine[] {
  const [lines, setLines] = useState<LogLine[]>([])
  const add = (text: string, kind: LogLine['kind']) =>
    setLines((old) =>
      [{ id: (old[0]?.id ?? 0) + 1, at: Date.now(), text, kind }, ...old].slice(0, MAX_LINES),
    )
  useSessionEvent('session.started', (event) =>
    add(`Session started (${event.customerType})`, 'ok'),
  )
  useSessionEvent('token.refreshed', (event) =>
    add(event.outcome === 'adopted' ? 'Token adopted from another tab' : 'Token refreshed', 'ok'),
  )
  useSessionEvent('token.refreshFailed', (event) =>
    add(`Refresh failed (${event.error.code}); retrying`, 'warn'),
  )
  useSessionEvent('session.startFailed', (event) =>
    add(`Could not start a session (${event.error.code}); retrying`, 'warn'),
  )
  useSessionEvent('session.reauthRequired', (event) =>
    add(`Signed out: ${errorWords(event.error.code)} (${event.error.code})`, 'error'),
  )
  useSessionEvent('session.unavailable', (event) =>
    add(`Session unavailable (${event.error.code})`, 'error'),
  )
  useSessionEvent('basket.transferFailed', (event) =>
    add(`The guest basket stayed with the guest (${event.error.code})`, 'warn'),
  )
  return lines
}

/** The "Token" region of the developer area. */
export function TokenPanel() {
  const shopper = useShopper()
  const tags = useSessionTags()
  const times = useTokenTimes()
  const now = useNow()
  const lines = useRefreshLog()
  const active = Object.entries(tags)
    .filter(([, on]) => on)
    .map(([tag]) => tag)
  return (
    <section className="dev-panel" aria-labelledby="token-title">
      <h2 id="token-title">Token</h2>
      <dl className="facts">
        <dt>Shopper</dt>
        <dd>
          {shopper === undefined
            ? 'none yet'
            : shopper.kind === 'registered'
              ? `registered (${shopper.loginId ?? '…'})`
              : 'guest'}
        </dd>
        <dt>Expires in</dt>
        <dd className="countdown">{times === undefined ? '—' : seconds(times.expiresAt - now)}</dd>
        <dt>Refresh in</dt>
        <dd className="countdown">{times === undefined ? '—' : seconds(times.refreshAt - now)}</dd>
        <dt>Tags</dt>
        <dd>{active.length === 0 ? 'none' : active.join(', ')}</dd>
      </dl>
      <h3 id="refresh-log-title">Refresh log</h3>
      <ol className="log" aria-labelledby="refresh-log-title" aria-live="polite">
        {lines.length === 0 && <li className="log-empty">Nothing yet.</li>}
        {lines.map((line) => (
          <li key={line.id} data-kind={line.kind}>
            <time>{time(line.at)}</time> {line.text}
          </li>
        ))}
      </ol>
    </section>
  )
}
