/**
 * The emulator's defaults: organization, site, the two SLAS clients and the seeded shoppers.
 * Printed by the CLI and exposed as `emulator.settings`, so tests and the demo need not hard-code
 * them.
 *
 * @module
 */

/** Default organization id (matches the SLAS pattern `f_ecom_{realm}_{instance}`). */
export const DEFAULT_ORGANIZATION_ID = 'f_ecom_zzte_001'
/** Default short code (the sub-domain part of the real base URL). */
export const DEFAULT_SHORT_CODE = 'emulator'
/** Default site ids (`channel_id`). */
export const DEFAULT_SITE_IDS: readonly string[] = ['RefArch']
/** Origin used for in-process requests with a relative URL and for the default redirect URI. */
export const IN_PROCESS_ORIGIN = 'http://emulator.local'

/** Redirect URIs registered on both default clients (`*` = any port). */
export const DEFAULT_REDIRECT_URIS: readonly string[] = [
  'http://localhost:*/callback',
  'http://127.0.0.1:*/callback',
  'http://[::1]:*/callback',
  `${IN_PROCESS_ORIGIN}/callback`,
]

/** Shopper API scopes every default client carries (the JWT `scp`). */
export const SHOPPER_SCOPES: readonly string[] = [
  'sfcc.shopper-baskets-orders',
  'sfcc.shopper-baskets-orders.rw',
  'sfcc.shopper-categories',
  'sfcc.shopper-customers.login',
  'sfcc.shopper-customers.register',
  'sfcc.shopper-discovery-search',
  'sfcc.shopper-gift-certificates',
  'sfcc.shopper-myaccount',
  'sfcc.shopper-myaccount.addresses',
  'sfcc.shopper-myaccount.addresses.rw',
  'sfcc.shopper-myaccount.baskets',
  'sfcc.shopper-myaccount.orders',
  'sfcc.shopper-myaccount.paymentinstruments',
  'sfcc.shopper-myaccount.paymentinstruments.rw',
  'sfcc.shopper-myaccount.productlists',
  'sfcc.shopper-myaccount.productlists.rw',
  'sfcc.shopper-myaccount.rw',
  'sfcc.shopper-product-search',
  'sfcc.shopper-productlists',
  'sfcc.shopper-products',
  'sfcc.shopper-promotions',
  'sfcc.shopper-standard',
  'sfcc.shopper-stores',
]

/** The client scope that allows Trusted System on Behalf (SLAS getTrustedSystemAccessToken). */
export const TRUSTED_SYSTEM_SCOPE = 'sfcc.ts_ext_on_behalf_of'

/** Default public client id (PKCE, no secret). */
export const DEFAULT_PUBLIC_CLIENT_ID = 'emulator-public-client'
/** Default private client id. */
export const DEFAULT_PRIVATE_CLIENT_ID = 'emulator-private-client'
/** Default private client secret: a development secret, printed by the CLI. */
export const DEFAULT_PRIVATE_CLIENT_SECRET = 'emulator-private-client-secret'

/** A seeded registered shopper as given in options. */
export interface ShopperSeed {
  /** Login id (SLAS `/login` user name; case-insensitive). */
  login: string
  /** Password (the emulator keeps it in clear: it is a test double). */
  password: string
  firstName: string
  lastName: string
  /** Default: the login. */
  email?: string
  /** 26-character customer id (`rcid`). Default: random. */
  customerId?: string
  /** Customer number. Default: random 8 digits. */
  customerNo?: string
}

/** The seeded shoppers: Ada and Grace, with fixed ids so tests and demos can rely on them. */
export const DEFAULT_SHOPPERS: readonly ShopperSeed[] = [
  {
    login: 'ada@example.com',
    password: 'Ada-Lovelace-1815',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    customerId: 'abAdaLovelaceEmulator01815',
    customerNo: '00001815',
  },
  {
    login: 'grace@example.com',
    password: 'Grace-Hopper-1906',
    firstName: 'Grace',
    lastName: 'Hopper',
    email: 'grace@example.com',
    customerId: 'abGraceHopperEmulator01906',
    customerNo: '00001906',
  },
]

// --- Account Manager (Shopper Customers password reset and external profile read) ---

/** Default Account Manager API client id (client-credentials grant). */
export const DEFAULT_AM_CLIENT_ID = 'emulator-am-client'
/** Default Account Manager API client secret: a development secret, like the private client's. */
export const DEFAULT_AM_CLIENT_SECRET = 'emulator-am-client-secret'
/** The scope Shopper Customers asks of Account Manager tokens (security scheme `AmOAuth2`). */
export const SHOPPER_CUSTOMERS_LOGIN_SCOPE = 'sfcc.shopper-customers.login'
/** Scopes the default Account Manager client may get. */
export const ACCOUNT_MANAGER_SCOPES: readonly string[] = [SHOPPER_CUSTOMERS_LOGIN_SCOPE]
