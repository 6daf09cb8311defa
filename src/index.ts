/**
 * `shopper-session`: the Salesforce B2C Commerce shopper session. This entry carries the error
 * family and the typed SCAPI clients; the session machines join it as they land.
 *
 * @module
 */
export * from './errors.ts'
export * from './scapi/index.ts'
