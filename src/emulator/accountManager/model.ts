/**
 * What the emulator remembers about Account Manager tokens: enough to verify them (signature,
 * expiry, known `jti`) and to report them as secrets.
 *
 * @module
 */

/** An Account Manager access token ever issued. */
export interface AmTokenRecord {
  jti: string
  token: string
  clientId: string
  /** Granted scopes. */
  scopes: readonly string[]
  /** Emulator time (ms). */
  expiresAt: number
}
