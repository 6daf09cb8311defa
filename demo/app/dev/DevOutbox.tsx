/**
 * The password-reset mails the demo server "sent": a real shop mails the link, the demo lists it.
 *
 * @module
 */
import { useEffect, useState } from 'react'
import type { OutboxMail } from '../../shared/site.ts'
import { outboxMails } from './devApi.ts'

const POLL_MS = 2000

/** The "Dev outbox" region (development only). */
export function DevOutbox() {
  const [mails, setMails] = useState<OutboxMail[]>([])
  useEffect(() => {
    let stopped = false
    const poll = () =>
      outboxMails().then(
        (next) => {
          if (!stopped)
            setMails((old) =>
              old.length === next.length && old[0]?.link === next[0]?.link ? old : next,
            )
        },
        () => undefined,
      )
    void poll()
    const timer = setInterval(poll, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [])
  return (
    <section className="dev-panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Dev outbox</h2>
      <div aria-live="polite">
        {mails.length === 0 ? (
          <p>No mail yet. Ask for a reset link on "Forgot password".</p>
        ) : (
          <ul className="outbox">
            {mails.map((mail) => (
              <li key={mail.link}>
                To {mail.email}: <a href={mail.link}>Reset your password ({mail.login})</a>
                <span className="muted">
                  {' '}
                  · valid until {new Date(mail.expiresAt).toLocaleTimeString('en-GB')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
