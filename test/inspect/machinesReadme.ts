/**
 * machines/README.md, generated: a short introduction per machine and its Mermaid diagram
 * (`toMermaid`). `npm run diagrams` writes it; machinesReadme.test.ts regenerates it in memory
 * and fails when the file on disk is stale.
 */
import type { AnyStateMachine } from 'xstate'
import { loginIdChangeMachine } from '../../machines/loginIdChangeMachine.ts'
import { passwordChangeMachine } from '../../machines/passwordChangeMachine.ts'
import { passwordResetMachine } from '../../machines/passwordResetMachine.ts'
import { sessionMachine } from '../../machines/sessionMachine.ts'
import { tokenRefreshMachine } from '../../machines/tokenRefreshMachine.ts'
import { toMermaid } from '../../src/inspect.ts'

/** Where the generated file goes, relative to the repository. */
export const MACHINES_README = 'machines/README.md'

/** One machine of the README: its heading, source file, introduction and definition. */
interface MachineEntry {
  name: string
  file: string
  intro: string
  machine: AnyStateMachine
}

const MACHINES: readonly MachineEntry[] = [
  {
    name: 'sessionMachine',
    file: 'sessionMachine.ts',
    intro:
      'The shopper session, guest → registered and back. `restoring` loads the stored session; ' +
      '`guest` and `registered` are parallel states whose `freshness` region says whether the ' +
      'access token is still valid and whose `activity` region what the shopper is doing ' +
      '(logging in, registering, carrying the basket over). While a session holds tokens the ' +
      '`tokenRefresh` child keeps them fresh; when it gives up on a registered shopper the ' +
      'session continues as a guest tagged `reauthRequired`. `signingOut` always ends signed ' +
      'out locally.',
    machine: sessionMachine,
  },
  {
    name: 'tokenRefreshMachine',
    file: 'tokenRefreshMachine.ts',
    intro:
      'The refresh timer the session invokes while it holds tokens: `scheduled` waits for the ' +
      'proactive refresh, `refreshing` runs one refresh (lock, re-read, adopt or refresh, write, ' +
      'broadcast), transient failures back off and then wait for a caller; a refused grant ends ' +
      'in `failed`, with the error as output.',
    machine: tokenRefreshMachine,
  },
  {
    name: 'passwordResetMachine',
    file: 'passwordResetMachine.ts',
    intro:
      'The password reset: request a link (the server mails the token), open it, choose a new ' +
      'password, optionally log in with it. The e-mailed link opens a fresh page, so input ' +
      '`{ login, token }` starts at `awaitingNewPassword`. The token and the password live in ' +
      'the secret hold, never in context (`unsealing…` states fetch them from it).',
    machine: passwordResetMachine,
  },
  {
    name: 'loginIdChangeMachine',
    file: 'loginIdChangeMachine.ts',
    intro:
      "The registered shopper's loginId change: checked on the client, sent with the current " +
      'password, then a forced re-login with the new login; when that fails the flow ends in ' +
      '`reauthRequired` and the shopper logs in by hand.',
    machine: loginIdChangeMachine,
  },
  {
    name: 'passwordChangeMachine',
    file: 'passwordChangeMachine.ts',
    intro:
      "The registered shopper's password change: both passwords required, the change, then a " +
      'forced re-login with the new password (`reauthRequired` when it fails).',
    machine: passwordChangeMachine,
  },
]

const INTRO = `# The statecharts

The machines of \`shopper-session\`, drawn from their definitions by \`toMermaid\`
(\`shopper-session/inspect\`). This file is generated: run \`npm run diagrams\` after changing a
machine (a test fails while it is stale).

How to read the diagrams: \`[*] -->\` marks an initial state and \`--> [*]\` a final one; parallel
regions are separated by a dashed line. A label names what a transition waits for: an event
(\`login\`), a delay (\`after retryBackoff\`), an invoked actor's end (\`onDone restoreSession\`,
\`onError restoreSession\`) or nothing (\`always\`), then its guard in brackets. Mermaid cannot draw
an arrow at a composite state nested in a parallel state, so such an arrow is drawn at that
state's initial leaf and labelled \`(from live)\` or \`(to live)\`. Transitions without a target
(actions only) change no state and are not drawn.
`

/** The text of machines/README.md. */
export function machinesReadme(): string {
  const sections = MACHINES.map(({ name, file, intro, machine }) => {
    const diagram = `\`\`\`mermaid\n${toMermaid(machine)}\`\`\`\n`
    return `## ${name}\n\n[\`${file}\`](./${file}). ${intro}\n\n${diagram}`
  })
  return [INTRO, ...sections].join('\n')
}
