/**
 * The live inspector: `shopper-session/inspect/view` draws each machine the page runs, its
 * active states lit, with its redacted event log. A machine is laid out when its panel is first
 * opened (elkjs loads then).
 *
 * @module
 */
import { useEffect, useRef, useState } from 'react'
import { statechartView } from '../shop.ts'

const MACHINES: readonly { actor: string; title: string; about: string }[] = [
  {
    actor: 'session',
    title: 'Session',
    about: 'Guest → registered. Lit: where the session is now.',
  },
  {
    actor: 'tokenRefresh',
    title: 'Token refresh',
    about: "The session's refresh timer (a child of the session, restarted with each shopper).",
  },
  {
    actor: 'passwordReset',
    title: 'Password reset',
    about: 'Starts on "Forgot password" or a reset link.',
  },
  { actor: 'loginIdChange', title: 'Login (email) change', about: 'Starts on the account page.' },
  { actor: 'passwordChange', title: 'Password change', about: 'Starts on the account page.' },
]

function MachinePanel({
  actor,
  title,
  about,
  open,
}: (typeof MACHINES)[number] & { open: boolean }) {
  const host = useRef<HTMLDivElement>(null)
  const [opened, setOpened] = useState(open)
  useEffect(() => {
    if (!opened || host.current === null) return
    return statechartView.mount(host.current, { actor })
  }, [opened, actor])
  return (
    <details
      className="machine"
      open={open}
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
    >
      <summary>{title}</summary>
      <p className="muted">{about}</p>
      <div ref={host} className="machine-view" />
    </details>
  )
}

/** The "Inspector" region of the developer area. */
export function InspectorPanel() {
  return (
    <section className="dev-panel dev-inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">Inspector</h2>
      <p className="muted">
        Every machine reports to a redacted inspector: tokens and passwords never reach this panel.
      </p>
      {MACHINES.map((machine, index) => (
        <MachinePanel key={machine.actor} {...machine} open={index === 0} />
      ))}
    </section>
  )
}
