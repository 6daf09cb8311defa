/**
 * `/e2e/account.html`: the browser entry's `createShopperSession` (localStorage, Web Locks +
 * BroadcastChannel) with `createAccountFlows` from `shopper-session/account`, its reset port the
 * page origin's `/e2e/password-reset` endpoint (`createPasswordResetClient`). Several of these
 * pages in one context are tabs of one profile. Reports tags, codes and a token fingerprint,
 * never a token or a password.
 */
import { type AnyActorRef, waitFor } from 'xstate'
import {
  type AccountFlows,
  createAccountFlows,
  createPasswordResetClient,
  type PasswordResetActor,
  secret,
} from '../../../src/account.ts'
import { createShopperSession, type ShopperSession } from '../../../src/browser.ts'
import type { PageSettings } from '../server.ts'
import { fingerprint } from './fingerprint.ts'

/** What an account page reports: no tokens, only a fingerprint to compare them. */
export interface AccountPageState {
  tags: string[]
  customerType: string | undefined
  loginId: string | undefined
  /** The first 12 hex digits of the SHA-256 of the refresh token, or undefined. */
  refreshTokenTag: string | undefined
}

/** How a flow ended (or where it waits). */
export interface FlowState {
  tags: string[]
  /** The flow's last error code, if any. */
  error: string | undefined
  /** The flow's output once it ended. */
  output: { loggedIn?: boolean; reauthRequired?: boolean; login?: string } | undefined
}

/** `window.e2eAccount` on `/e2e/account.html`. */
export interface AccountPageApi {
  /** Creates the session and waits for `ready()`. */
  start(): Promise<AccountPageState>
  login(username: string, password: string): Promise<AccountPageState>
  /** Starts a reset flow and asks for a link for `login`; resolves once it was sent. */
  requestReset(login: string): Promise<FlowState>
  /** The page the e-mailed link opens: a reset flow from `{ login, token }`, logging in after. */
  openResetLink(login: string, token: string): Promise<FlowState>
  /** Submits the new password to the running reset flow; resolves when it ends or refuses. */
  submitNewPassword(newPassword: string): Promise<FlowState>
  /** Runs a loginId change to its end. */
  changeLoginId(newLogin: string, currentPassword: string): Promise<FlowState>
  state(): Promise<AccountPageState>
}

declare global {
  interface Window {
    e2eAccount?: AccountPageApi
  }
}

let session: ShopperSession | undefined
let account: AccountFlows | undefined
let reset: PasswordResetActor | undefined

function current() {
  if (session === undefined) throw new Error('account page: call start() first')
  return session
}

function flows() {
  if (account === undefined) throw new Error('account page: call start() first')
  return account
}

async function state(): Promise<AccountPageState> {
  const active = current()
  const tokens = active.getTokens()
  return {
    tags: [...active.getSnapshot().tags].sort(),
    customerType: tokens?.customerType,
    loginId: tokens?.loginId,
    refreshTokenTag: await fingerprint(tokens?.refreshToken),
  }
}

/** What the page reads from either flow's snapshot. */
interface FlowSnapshot {
  tags: Set<string>
  context: { error?: { code: string } | undefined }
  output?: { loggedIn?: boolean; reauthRequired?: boolean; login?: string } | undefined
}

// Where a flow waits for the shopper, or has ended.
const RESTING = ['tokenSent', 'passwordForm', 'requestForm', 'form', 'done', 'reauthRequired']

/** Waits until the flow rests; its state without the tokens an output may carry. */
async function rest(actor: AnyActorRef): Promise<FlowState> {
  const resting = (snapshot: FlowSnapshot) =>
    !snapshot.tags.has('busy') && RESTING.some((tag) => snapshot.tags.has(tag))
  const snapshot = (await waitFor(actor, (s) => resting(s as FlowSnapshot), {
    timeout: 10_000,
  })) as FlowSnapshot
  const { output } = snapshot
  return {
    tags: [...snapshot.tags].sort(),
    error: snapshot.context.error?.code,
    output:
      output === undefined
        ? undefined
        : { loggedIn: output.loggedIn, reauthRequired: output.reauthRequired, login: output.login },
  }
}

const api: AccountPageApi = {
  async start() {
    const settings = (await (await fetch('/e2e/settings')).json()) as PageSettings
    session = createShopperSession({
      baseUrl: location.origin,
      organizationId: settings.organizationId,
      siteId: settings.siteId,
      clientId: settings.clientId,
      redirectURI: settings.redirectURI,
    })
    account = createAccountFlows(session, {
      passwordReset: createPasswordResetClient({ endpoint: '/e2e/password-reset' }),
    })
    await session.ready()
    return state()
  },
  async login(username, password) {
    await current().login(username, password)
    return state()
  },
  async requestReset(login) {
    reset = flows().startPasswordReset({ loginAfterReset: true })
    reset.send({ type: 'request', login })
    return rest(reset)
  },
  async openResetLink(login, token) {
    reset = flows().startPasswordReset({ login, token, loginAfterReset: true })
    return rest(reset)
  },
  async submitNewPassword(newPassword) {
    if (reset === undefined) throw new Error('account page: no reset flow')
    reset.send({ type: 'submit', newPassword: secret(newPassword) })
    return rest(reset)
  },
  async changeLoginId(newLogin, currentPassword) {
    const change = flows().startLoginIdChange()
    change.send({ type: 'submit', newLogin, currentPassword: secret(currentPassword) })
    return rest(change)
  },
  state,
}

window.e2eAccount = api
