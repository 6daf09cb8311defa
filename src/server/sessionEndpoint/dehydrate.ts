/**
 * `dehydrateSession(session)`: what a server-rendered page hands to the browser about its
 * shopper, so the browser's remote session starts where the server left off, with no request.
 *
 * @module
 */
import type { SessionTag } from '../../../machines/contracts.ts'
import type { ErrorData } from '../../errors.ts'
import type { DehydratedSession } from '../../remote/wire.ts'
import type { ShopperSession } from '../../session.ts'

// `busy` is left out: it is the server request's own work, which ends with the request.
const HANDED_OVER: readonly SessionTag[] = [
  'guest',
  'registered',
  'tokenValid',
  'stale',
  'reauthRequired',
  'unavailable',
]

/** The fields of an error a page may show; the server's own identifiers and text stay behind. */
function plainError(error: ErrorData | undefined): ErrorData | undefined {
  if (error === undefined) return undefined
  const { code, message, status, operation, retryAfterMs } = error
  return {
    code,
    message,
    ...(status === undefined ? {} : { status }),
    ...(operation === undefined ? {} : { operation }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  }
}

/**
 * The session as plain JSON for the page: the shopper (`kind`, `customerId`, `loginId`, `usid`),
 * the tags and the last error, and never a token. Call it once the page's session work is done
 * (after `getAccessToken()`, a prefetch, a login), then render with the same session and embed the
 * result for `createRemoteSession({ initial })`: the browser's first render then reads exactly
 * what the server's did, so hydration matches and nothing is requested.
 *
 * @example
 * ```ts
 * const handle = withShopperSession(config, async (request, session) => {
 *   await session.getAccessToken()
 *   const state = dehydrateSession(session)
 *   const html = renderPage(session) // the Provider over the server session
 *   return new Response(`${html}<script>window.__SESSION__=${escapeJson(state)}</script>`)
 * })
 * ```
 */
export function dehydrateSession(
  session: Pick<ShopperSession, 'getShopper' | 'getSnapshot'>,
): DehydratedSession {
  const snapshot = session.getSnapshot()
  const shopper = session.getShopper()
  const error = plainError(snapshot.context.error)
  return {
    // Each field named: nothing else a shopper object might carry reaches the page.
    shopper: shopper
      ? {
          kind: shopper.kind,
          customerId: shopper.customerId,
          loginId: shopper.loginId,
          usid: shopper.usid,
        }
      : null,
    tags: HANDED_OVER.filter((tag) => snapshot.hasTag(tag)),
    ...(error === undefined ? {} : { error }),
  }
}
