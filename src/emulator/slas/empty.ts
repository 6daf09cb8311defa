/**
 * The "emptied" TokenResponse that logout and revoke answer with (as in the SLAS OpenAPI examples).
 *
 * @module
 */

/** Logout's 200 body, exactly as the spec example: blanks, zeros and the string "null". */
export function emptiedTokenResponse(refreshToken = ''): Record<string, string | number> {
  return {
    access_token: '',
    id_token: 'null',
    refresh_token: refreshToken,
    expires_in: 0,
    refresh_token_expires_in: 0,
    token_type: 'Bearer',
    usid: 'null',
    customer_id: 'null',
    enc_user_id: 'null',
    idp_access_token: '',
    idp_refresh_token: 'null',
    dnt: 'null',
  }
}
