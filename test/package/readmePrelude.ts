/**
 * What the READMEs' code fragments take as given (a session, a password typed into a form, the
 * app's own functions): declared once here, so that every fragment is type-checked against the
 * installed package as a user would write it.
 */
import type { AccountFlows } from 'shopper-session/account'
import type { createShopperSession } from 'shopper-session'

type Session = ReturnType<typeof createShopperSession>

declare global {
  const session: Session
  const account: AccountFlows
  const username: string
  const password: string
  const newPassword: string
  const currentPassword: string
  const newLogin: string
  const login: string
  const listId: string
  const productId: string
  const accessToken: string
  const customerId: string
  const cookieSecret: string
  /** An XState inspector object, such as `@statelyai/inspect`'s `createBrowserInspector()`. */
  const inspector: { inspect: import('shopper-session/inspect').InspectionObserver }
  const slasConfig: {
    shortCode: string
    organizationId: string
    clientId: string
    siteId: string
    redirectURI: string
  }
  const config: typeof slasConfig
  const privateConfig: typeof slasConfig & { clientSecret: string }
  const storage: import('shopper-session/adapters/storage/memory').MemoryStorage
  const proxy: string
  const parameters: { organizationId: string; shortCode: string; siteId: string }
  const mailer: { send(to: string, subject: string, text: string): Promise<void> }
  const handler: import('shopper-session/server').PasswordResetHandler
  /** The app's router: Hono's `app.on` and Express's `app.all`, as the mounting examples use them. */
  const app: {
    on(methods: string[], path: string, route: (c: { req: { raw: Request } }) => Promise<Response>): void
    all(
      path: string,
      route: (
        req: import('node:http').IncomingMessage & { ip?: string; originalUrl: string; method: string },
        res: import('node:http').ServerResponse,
      ) => Promise<void>,
    ): void
  }
  /** commerce-sdk-isomorphic's client, as far as the README uses it. */
  class ShopperCustomers {
    constructor(config: { proxy: string; parameters: object; fetch: typeof fetch })
  }
  function sendWelcomeEmail(customer: unknown): void
  function showLoginDialog(): void
  function showWrongPassword(): void
  function render(view: object): void
  function renderPage(request: Request, token: string): Promise<string>
}

export {}
