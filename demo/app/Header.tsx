/**
 * The shop's header: the name, the navigation, who is shopping and the basket's count.
 *
 * @module
 */
import type { ReactNode } from 'react'
import { useShopper } from 'shopper-session/react'
import { useBasket } from 'shopper-session/react-query'
import { itemCount } from './pages/shop/BasketLines.tsx'
import { Link } from './router.tsx'

function NavLink({ to, current, children }: { to: string; current: string; children: ReactNode }) {
  const active = to === '/' ? current === '/' : current === to || current.startsWith(`${to}/`)
  return (
    <li>
      <Link to={to} aria-current={active ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  )
}

/** The header of every page; `path` marks the current link. */
export function Header({ path }: { path: string }) {
  const shopper = useShopper()
  const basket = useBasket()
  const count = itemCount(basket.data)
  const registered = shopper?.kind === 'registered'
  return (
    <header className="site-header">
      <div className="brand-row">
        <Link to="/" className="brand">
          Demo store
        </Link>
        <p className="shopper-status" aria-live="polite">
          {shopper === undefined
            ? 'Connecting…'
            : registered
              ? `Signed in as ${shopper.loginId ?? 'you'}`
              : 'Shopping as a guest'}
        </p>
      </div>
      <nav aria-label="Main">
        <ul>
          <NavLink to="/" current={path}>
            Shop
          </NavLink>
          <NavLink to="/basket" current={path}>
            Basket{' '}
            <span className="badge">
              {count}
              <span className="visually-hidden"> items</span>
            </span>
          </NavLink>
          {registered ? (
            <>
              <NavLink to="/account" current={path}>
                Account
              </NavLink>
              <NavLink to="/logout" current={path}>
                Sign out
              </NavLink>
            </>
          ) : (
            <>
              <NavLink to="/login" current={path}>
                Sign in
              </NavLink>
              <NavLink to="/register" current={path}>
                Create account
              </NavLink>
            </>
          )}
        </ul>
      </nav>
    </header>
  )
}
