/**
 * The steps of a login or password change, read from the flow's statechart: the shopper sees
 * where the change is, a developer sees the state and tags behind it.
 *
 * @module
 */

/** Where a change flow is, as the shopper follows it. */
export type FlowStep = 'editing' | 'updating' | 'signingIn' | 'done' | 'reauthRequired'

/** The flow's state value (`updating`, `reauthenticating`, `{ editing: 'ready' }`…) as a step. */
export function flowStep(value: unknown): FlowStep {
  switch (value) {
    case 'updating':
      return 'updating'
    case 'unsealing':
    case 'reauthenticating':
      return 'signingIn'
    case 'done':
      return 'done'
    case 'reauthRequired':
      return 'reauthRequired'
    default:
      return 'editing'
  }
}

/** The flow's state value as developers read it in the inspector: `editing.rejected`. */
export function stateName(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([parent, child]) => `${parent}.${stateName(child)}`)
      .join(', ')
  }
  return 'starting'
}

/** What each step is called on one page. */
export type StepWords = Readonly<Record<Exclude<FlowStep, 'reauthRequired'>, string>>

/** Props of {@link FlowSteps}. */
export interface FlowStepsProps {
  step: FlowStep
  words: StepWords
  /** The raw state value and the tags the hook reports, for developers. */
  state: string
  tags: Readonly<Record<string, boolean>>
}

const ORDER: readonly Exclude<FlowStep, 'reauthRequired'>[] = [
  'editing',
  'updating',
  'signingIn',
  'done',
]

/**
 * An ordered list of the steps, the current one marked `aria-current="step"`; the last step
 * reads "Sign in again" when the flow ended in `reauthRequired`. Under it, the flow's state and
 * tags in code.
 */
export function FlowSteps({ step, words, state, tags }: FlowStepsProps) {
  const current = step === 'reauthRequired' ? 'done' : step
  const reached = ORDER.indexOf(current)
  const on = Object.entries(tags)
    .filter(([, value]) => value)
    .map(([tag]) => tag)
  return (
    <div className="flow">
      <ol className="flow-steps" aria-label="Progress">
        {ORDER.map((name, index) => (
          <li
            key={name}
            className={
              index < reached ? 'flow-step-past' : index === reached ? 'flow-step-now' : ''
            }
            aria-current={index === reached ? 'step' : undefined}
          >
            {name === 'done' && step === 'reauthRequired' ? 'Sign in again' : words[name]}
          </li>
        ))}
      </ol>
      <p className="code-note flow-state">
        Flow state <code>{state}</code>, tags <code>{on.join(', ') || 'none'}</code>
      </p>
    </div>
  )
}
