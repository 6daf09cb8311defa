/**
 * The frame both change pages share (login and password): why the shopper is signed in again,
 * the flow's steps, the form while the flow is at it, then its ending.
 *
 * @module
 */
import type { ReactNode } from 'react'
import type { ShopperSessionError } from 'shopper-session'
import { useShopper } from 'shopper-session/react'
import { Link } from '../../router.tsx'
import { ErrorNotice, StatusMessage } from '../../ui/index.ts'
import { type FlowStep, FlowSteps, flowStep, type StepWords, stateName } from './FlowSteps.tsx'
import { SignInPrompt } from './SignInPrompt.tsx'

/**
 * Empties the current password once the form sent it: it does not stay in the page (the flow
 * holds it boxed). Other fields stay, so a wrong current password costs one field.
 */
export function clearCurrentPassword(form: HTMLFormElement): void {
  const field = form.elements.namedItem('currentPassword')
  if (field instanceof HTMLInputElement) field.value = ''
}

/** Props of {@link ChangeFlowView}. */
export interface ChangeFlowViewProps {
  /** The flow as its hook returns it: its tags, and its error (after `reauthRequired`, why the re-login failed). */
  flow: { tags: Readonly<Record<string, boolean>>; error: ShopperSessionError | undefined }
  /** The flow's state value (`snapshot.value`). */
  value: unknown
  words: StepWords
  /** What the live region says at each step. */
  news: Readonly<Record<FlowStep, string | null>>
  /** Why the change signs the shopper out, before anything else. */
  explain: ReactNode
  /** The form: shown while the flow is at it or sending it. */
  form: ReactNode
  /** The ending when this tab is signed in again. */
  done: ReactNode
  /** The ending when the change stands but the re-login failed. */
  reauthRequired: string
}

/**
 * The change page for a flow. A shopper signed out meanwhile (in another tab, say) gets the
 * sign-in prompt while the flow waits at its form; once the change is sent, the page follows it
 * to its end whoever the session says is signed in.
 */
export function ChangeFlowView(props: ChangeFlowViewProps) {
  const shopper = useShopper()
  const step = flowStep(props.value)
  if (shopper?.kind !== 'registered' && step === 'editing') return <SignInPrompt />
  return (
    <>
      <div className="account-explain">{props.explain}</div>
      <FlowSteps
        step={step}
        words={props.words}
        state={stateName(props.value)}
        tags={props.flow.tags}
      />
      <StatusMessage>{props.news[step]}</StatusMessage>
      {step === 'editing' || step === 'updating' ? (
        props.form
      ) : step === 'done' ? (
        <div className="account-done">
          {props.done}
          <p>
            <Link to="/account">Back to account</Link>
          </p>
        </div>
      ) : step === 'reauthRequired' ? (
        <div className="account-done">
          <p>{props.reauthRequired}</p>
          <ErrorNotice error={props.flow.error} />
          <p>
            <Link to="/login" className="button button-primary">
              Sign in
            </Link>
          </p>
        </div>
      ) : null}
    </>
  )
}
