/**
 * Create an account: the guest's basket is carried over to it.
 *
 * @module
 */
import { useRegister } from 'shopper-session/react'
import { useBasket } from 'shopper-session/react-query'
import { navigate } from '../../router.tsx'
import { Button, ErrorNotice, Field, Form, Page, text } from '../../ui/index.ts'
import { BasketLines, itemCount } from '../shop/BasketLines.tsx'

const PASSWORD_HINT =
  'At least 8 characters, with an upper-case and a lower-case letter, a digit and a symbol.'

/** `#/register`. */
export function RegisterPage() {
  const register = useRegister()
  const basket = useBasket()
  const count = itemCount(basket.data)
  const submit = (fields: FormData) => {
    const login = text(fields, 'login')
    const registration = {
      customer: {
        login,
        email: login,
        firstName: text(fields, 'firstName'),
        lastName: text(fields, 'lastName'),
      },
      password: text(fields, 'password'),
    }
    void register.run(registration).then((ok) => ok && navigate('/basket'))
  }
  return (
    <Page title="Create account">
      <section className="kept-basket" aria-labelledby="kept-basket-title">
        <h2 id="kept-basket-title">Your basket stays with you</h2>
        {count === 0 ? (
          <p>
            Your basket is empty. Anything you add as a guest is kept when you create an account.
          </p>
        ) : (
          <BasketLines
            basket={basket.data}
            caption={`${count} item${count === 1 ? '' : 's'} you added as a guest`}
          />
        )}
      </section>
      <Form onSubmit={submit} onChange={register.reset}>
        <Field label="First name" name="firstName" autoComplete="given-name" required />
        <Field label="Last name" name="lastName" autoComplete="family-name" required />
        <Field label="Email" name="login" type="email" autoComplete="email" required />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          required
        />
        <ErrorNotice error={register.error} />
        <div className="actions">
          <Button type="submit" busy={register.pending}>
            Create account
          </Button>
        </div>
      </Form>
    </Page>
  )
}
