/**
 * The emulator control strip: each button causes one failure a real shop meets by accident, and
 * the token panel and inspector show how the session rides it out.
 *
 * @module
 */
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { ControlAction } from '../../shared/site.ts'
import { Button, StatusMessage } from '../ui/index.ts'
import { controlState, pullControl } from './devApi.ts'

const LEVERS: readonly { action: ControlAction; label: string; done: string }[] = [
  {
    action: 'expireTokens',
    label: 'Expire tokens now',
    done: 'The API now refuses the current access token: the next call gets a 401, refreshes once and retries.',
  },
  {
    action: 'failNextRefresh',
    label: 'Fail next refresh',
    done: 'The next token request fails with a 503: the session backs off and tries again.',
  },
  {
    action: 'loseNextRotatedToken',
    label: 'Lose next rotated token',
    done: 'The next refresh rotates the token but its answer is lost: the session recovers (or asks to sign in).',
  },
  {
    action: 'rateLimit',
    label: 'Rate limit',
    done: 'The next token request answers 429 with Retry-After: the session waits and retries.',
  },
]

/** The control strip (development only). */
export function ControlStrip() {
  const queryClient = useQueryClient()
  const [offline, setOffline] = useState(false)
  const [busy, setBusy] = useState<ControlAction | undefined>(undefined)
  const [news, setNews] = useState('')
  useEffect(() => {
    controlState().then(
      (state) => setOffline(state.offline),
      () => undefined,
    )
  }, [])
  const pull = async (action: ControlAction, done: string) => {
    setBusy(action)
    try {
      const state = await pullControl(action)
      setOffline(state.offline)
      setNews(done)
      // Make the page call the API now, so the effect shows at once.
      void queryClient.invalidateQueries()
    } catch {
      setNews('The development server did not answer.')
    } finally {
      setBusy(undefined)
    }
  }
  return (
    <section className="dev-panel" aria-labelledby="controls-title">
      <h2 id="controls-title">Emulator controls</h2>
      <div className="control-strip">
        {LEVERS.map(({ action, label, done }) => (
          <Button
            key={action}
            variant="secondary"
            busy={busy === action}
            onClick={() => void pull(action, done)}
          >
            {label}
          </Button>
        ))}
        <Button
          variant="secondary"
          aria-pressed={offline}
          busy={busy === 'offline' || busy === 'online'}
          onClick={() =>
            void (offline
              ? pull('online', 'The API answers again: the session checks itself and carries on.')
              : pull('offline', 'Every API connection is now dropped, as on a lost network.'))
          }
        >
          {offline ? 'Go online' : 'Go offline'}
        </Button>
      </div>
      <StatusMessage>{news}</StatusMessage>
    </section>
  )
}
