/**
 * What the demo's page and its server agree on: the SLAS client of the site, and the paths the
 * server serves on the page's origin. A storefront keeps this kind of thing in its build config.
 *
 * @module
 */

/** The site's SLAS ids (public values: a public client has no secret). */
export const SITE = {
  organizationId: 'f_ecom_zzte_001',
  siteId: 'RefArch',
  clientId: 'emulator-public-client',
} as const

/**
 * Where the page reaches the Shopper APIs: a proxy on its own origin, as PWA Kit deploys one
 * (SLAS answers no CORS, so a browser reaches it only through its own origin).
 */
export const API_PROXY_PATH = '/mobify/proxy/api'

/** The SLAS redirect URI, on the page's origin: a plain page the followed redirect lands on. */
export const CALLBACK_PATH = '/callback'

/** The password-reset endpoint (`createPasswordResetHandler` on the demo server). */
export const PASSWORD_RESET_PATH = '/api/password-reset'

/** The development endpoints (emulator controls, the reset outbox): never in production. */
export const DEV_PATH = '/__dev'

/** The header every development call carries: a cross-site page cannot send it unasked. */
export const DEV_HEADER = 'x-demo-dev'

/**
 * The access-token lifetime the demo's emulator issues, in seconds. SLAS issues 30-minute
 * tokens; two minutes let the countdown reach the session's proactive refresh (a minute before
 * expiry) while you watch.
 */
export const ACCESS_TOKEN_SECONDS = 120

/** The emulator levers the control strip pulls (`POST {DEV_PATH}/control` with `{ action }`). */
export const CONTROL_ACTIONS = [
  'expireTokens',
  'failNextRefresh',
  'loseNextRotatedToken',
  'rateLimit',
  'offline',
  'online',
] as const

/** One lever of the control strip. */
export type ControlAction = (typeof CONTROL_ACTIONS)[number]

/** What `POST {DEV_PATH}/control` answers. */
export interface ControlState {
  /** Every connection to the API is dropped (the shop looks offline to the page). */
  offline: boolean
}

/** One reset mail in the development outbox, as `GET {DEV_PATH}/outbox` lists it. */
export interface OutboxMail {
  /** The shopper's login and e-mail address. */
  login: string
  email: string
  /** The link the mail carries (the reset token travels in its fragment). */
  link: string
  /** When the link stops working (epoch ms). */
  expiresAt: number
}
