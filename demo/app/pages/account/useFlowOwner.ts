/**
 * Which registered shopper a change flow on this page belongs to.
 *
 * @module
 */
import { useState } from 'react'
import { useShopper } from 'shopper-session/react'

/**
 * The customer id of the registered shopper last seen while the page is open, kept when the
 * session turns guest. A login or password change drops the old tokens and logs in again: the
 * session is a guest meanwhile, and the flow's component must stay mounted through it (unmounting
 * stops the flow). Another shopper signing in gives a new id, so the page starts a new flow.
 */
export function useFlowOwner(): string | undefined {
  const shopper = useShopper()
  const [owner, setOwner] = useState<string | undefined>(undefined)
  const registered = shopper?.kind === 'registered' ? shopper.customerId : undefined
  // Derived state, set during render as React allows: no extra commit with the stale owner.
  if (registered !== undefined && registered !== owner) setOwner(registered)
  return registered ?? owner
}
