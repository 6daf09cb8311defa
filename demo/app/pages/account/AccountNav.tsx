/**
 * The account pages and the link back to the overview.
 *
 * @module
 */
import { Link } from '../../router.tsx'

/** One account page: where it is and what it is called (its `<h1>`). */
export interface AccountSection {
  path: string
  title: string
  /** What the overview says about it. */
  summary: string
}

/** The account's pages, in the overview's order. */
export const ACCOUNT_SECTIONS: readonly AccountSection[] = [
  { path: '/account/profile', title: 'Profile', summary: 'Your name and phone number.' },
  { path: '/account/addresses', title: 'Addresses', summary: 'Where we deliver.' },
  { path: '/account/payments', title: 'Payment methods', summary: 'Your saved cards.' },
  {
    path: '/account/lists',
    title: 'Wishlist and favorites',
    summary: 'Products you keep for later.',
  },
  { path: '/account/login', title: 'Change login', summary: 'The email you sign in with.' },
  {
    path: '/account/password',
    title: 'Change password',
    summary: 'The password you sign in with.',
  },
]

/** "← Account": back to the overview, above a section's content. */
export function BackToAccount() {
  return (
    <p className="account-back">
      <Link to="/account">
        <span aria-hidden="true">← </span>Back to account
      </Link>
    </p>
  )
}
