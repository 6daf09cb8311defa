/**
 * The scopes each Shopper Customers operation accepts. The OAS lists several scopes per operation;
 * the emulator reads that as "any one of these", with `sfcc.shopper-standard` as the umbrella scope
 * (an assumption: the OAS does not say).
 *
 * @module
 */

const STANDARD = 'sfcc.shopper-standard'
const MY_ACCOUNT = 'sfcc.shopper-myaccount'

/** Scope sets by operation group. */
export const SCOPES = {
  register: ['sfcc.shopper-customers.register', STANDARD],
  profileRead: [MY_ACCOUNT, `${MY_ACCOUNT}.rw`, STANDARD],
  profileWrite: [`${MY_ACCOUNT}.rw`, STANDARD],
  password: ['sfcc.shopper-customers.login', STANDARD],
  addressesRead: [`${MY_ACCOUNT}.addresses`, `${MY_ACCOUNT}.addresses.rw`, STANDARD],
  addressesWrite: [`${MY_ACCOUNT}.addresses.rw`, STANDARD],
  baskets: [`${MY_ACCOUNT}.baskets`, STANDARD],
  orders: [`${MY_ACCOUNT}.orders`, STANDARD],
  paymentRead: [
    `${MY_ACCOUNT}.paymentinstruments`,
    `${MY_ACCOUNT}.paymentinstruments.rw`,
    STANDARD,
  ],
  paymentWrite: [`${MY_ACCOUNT}.paymentinstruments.rw`, STANDARD],
  /** Salesforce Payments operations list no umbrella scope. */
  paymentReferences: [`${MY_ACCOUNT}.paymentinstruments.rw`],
  productListsRead: [`${MY_ACCOUNT}.productlists`, `${MY_ACCOUNT}.productlists.rw`, STANDARD],
  productListsWrite: [`${MY_ACCOUNT}.productlists.rw`, STANDARD],
  publicProductLists: ['sfcc.shopper-productlists', STANDARD],
  /** Account Manager tokens (`AmOAuth2`). */
  accountManager: ['sfcc.shopper-customers.login'],
} as const satisfies Record<string, readonly string[]>
