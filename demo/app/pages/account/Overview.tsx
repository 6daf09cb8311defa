/**
 * `/account`: who is signed in, and links to each account page.
 *
 * @module
 */
import { useShopper } from 'shopper-session/react'
import { useProfile } from 'shopper-session/react-query'
import { Link } from '../../router.tsx'
import { ACCOUNT_SECTIONS } from './AccountNav.tsx'

/** The account overview's content (under the page's "Account" heading). */
export function Overview() {
  const shopper = useShopper()
  const { data: profile } = useProfile()
  const name = [profile?.firstName, profile?.lastName].filter(Boolean).join(' ')
  return (
    <>
      <p className="account-who">
        Signed in as <strong>{shopper?.loginId}</strong>
        {name !== '' && <> ({name})</>}
      </p>
      <nav aria-label="Account pages">
        <ul className="account-sections">
          {ACCOUNT_SECTIONS.map((section) => (
            <li key={section.path}>
              <Link to={section.path} className="account-section-link">
                <span className="account-section-title">{section.title}</span>
                <span className="account-section-summary">{section.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  )
}
