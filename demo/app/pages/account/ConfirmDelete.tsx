/**
 * A "Delete" button that asks before it deletes, in place (no modal): the question and its two
 * answers replace the button until the shopper answers.
 *
 * @module
 */
import { useEffect, useRef, useState } from 'react'
import { Button } from '../../ui/index.ts'

/** Props of {@link ConfirmDelete}. */
export interface ConfirmDeleteProps {
  /** What goes, in the question's words: "the address “home”". */
  what: string
  /** The id of the text that names the item, read after the button's name. */
  describedBy: string
  /** The delete call is running. */
  busy: boolean
  onConfirm: () => void
}

/**
 * "Delete" → "Delete {what}?" with "Yes, delete" and "Keep it". Focus follows: to "Keep it" when
 * the question opens (the safe answer first), back to "Delete" when the shopper keeps the item.
 */
export function ConfirmDelete({ what, describedBy, busy, onConfirm }: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const answered = useRef(false)

  useEffect(() => {
    // The shared Button takes no ref: find the button to focus in this box.
    if (asking) box.current?.querySelector<HTMLButtonElement>('[data-keep]')?.focus()
    else if (answered.current) box.current?.querySelector<HTMLButtonElement>('button')?.focus()
  }, [asking])

  return (
    <div className={asking ? 'confirm confirm-asking' : 'confirm'} ref={box}>
      {asking ? (
        <>
          <p className="confirm-question">Delete {what}?</p>
          <div className="confirm-actions">
            <Button variant="danger" busy={busy} onClick={onConfirm}>
              Yes, delete
            </Button>
            <Button
              variant="secondary"
              data-keep=""
              disabled={busy}
              onClick={() => {
                answered.current = true
                setAsking(false)
              }}
            >
              Keep it
            </Button>
          </div>
        </>
      ) : (
        <Button variant="danger" aria-describedby={describedBy} onClick={() => setAsking(true)}>
          Delete
        </Button>
      )}
    </div>
  )
}
