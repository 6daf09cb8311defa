/**
 * passwordResetMachine alone: fake SCAPI slots, every transition and every error with its way back,
 * the secrets kept out of every snapshot, and a path traversal with the busy-state invariant.
 */
import { describe, expect, it } from 'vitest'
import { secret } from '../../src/secret.ts'
import { type AnyStateNode, createActor, type SnapshotFrom, waitFor } from 'xstate'
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph'
import { isTransientError, type SessionError } from '../../machines/contracts.ts'
import {
  type PasswordResetInput,
  passwordResetMachine,
  type ResetLoginInput,
  type ResetPasswordInput,
  type ResetTokenRequestInput,
} from '../../machines/passwordResetMachine.ts'
import { codedError, flush, registeredTokens, scripted } from './fixtures.ts'
import {
  busyStatesWithoutExits,
  canTake,
  done,
  failed,
  handles,
  nodesTagged,
  serializeEvent,
  snapshotsOf,
  tagsOf,
  traversable,
  type TraversalEvent,
  unvisitedStateIds,
} from './pathHelpers.ts'

const LOGIN = 'ada@example.com'
const TOKEN = 'reset-token-7f3a9c'
const PASSWORD = 'N3w-Passw0rd!'
const PASSWORD_2 = 'An0ther-Passw0rd!'
const SECRETS = [TOKEN, PASSWORD, PASSWORD_2]

type Answer<T> = T | { reject: SessionError }
type ResetSnapshot = SnapshotFrom<typeof passwordResetMachine>

function start(
  answers: {
    request?: Answer<void>[]
    reset?: Answer<void>[]
    login?: Answer<typeof registeredTokens>[]
  },
  input: PasswordResetInput = {},
) {
  const request = scripted<void, ResetTokenRequestInput>(answers.request ?? [undefined])
  const reset = scripted<void, ResetPasswordInput>(answers.reset ?? [undefined])
  const login = scripted<typeof registeredTokens, ResetLoginInput>(
    answers.login ?? [registeredTokens],
  )
  const machine = passwordResetMachine.provide({
    actors: {
      getResetPasswordToken: request.logic,
      resetPassword: reset.logic,
      authenticateCustomer: login.logic,
    },
  })
  const actor = createActor(machine, { input })
  const seen: string[] = []
  actor.subscribe((snapshot) => {
    seen.push(JSON.stringify(snapshot.context))
    // The persisted form too, at every step: a running call's input holds the secrets boxed.
    seen.push(JSON.stringify(actor.getPersistedSnapshot()))
  })
  actor.start()
  return {
    actor,
    request,
    reset,
    login,
    seen,
    state: () => actor.getSnapshot(),
    tags: () => tagsOf(actor.getSnapshot()),
    async settle() {
      await flush()
    },
  }
}

/** No token or password in any context or persisted snapshot the flow went through. */
function expectNoSecrets(seen: string[]) {
  expect(seen.length).toBeGreaterThan(0)
  for (const text of seen) {
    for (const secret of SECRETS) expect(text).not.toContain(secret)
  }
}

describe('passwordResetMachine: happy paths', () => {
  it('request → tokenSent → link → new password → done, with tags for every step', async () => {
    const t = start({})
    expect(t.tags()).toEqual(['requestForm'])
    t.actor.send({ type: 'request', login: LOGIN })
    expect(t.tags()).toEqual(['busy'])
    await waitFor(t.actor, (s) => s.hasTag('tokenSent'))
    expect(t.request.inputs).toEqual([{ login: LOGIN }])
    t.actor.send({ type: 'link.opened', token: secret(TOKEN) })
    expect(t.tags()).toEqual(['passwordForm'])
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
    expect(t.tags()).toEqual(['busy'])
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.tags()).toEqual(['done'])
    expect(t.reset.inputs).toEqual([{ login: LOGIN, token: TOKEN, newPassword: PASSWORD }])
    expect(t.login.calls).toBe(0)
    expect(t.state().output).toEqual({
      login: LOGIN,
      loggedIn: false,
      tokens: undefined,
      error: undefined,
    })
    expectNoSecrets(t.seen)
  })

  it('starts at awaitingNewPassword from the link input { login, token }', async () => {
    const t = start({}, { login: LOGIN, token: secret(TOKEN) })
    expect(t.state().value).toEqual({ awaitingNewPassword: 'ready' })
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.request.calls).toBe(0)
    expect(t.reset.inputs).toEqual([{ login: LOGIN, token: TOKEN, newPassword: PASSWORD }])
    expectNoSecrets(t.seen)
  })

  it('a token without a login starts at idle (the reset needs both)', () => {
    const t = start({}, { token: secret(TOKEN) })
    expect(t.state().value).toBe('idle')
  })

  it('loginAfterReset logs in with the new password; the output carries the session', async () => {
    const t = start({}, { login: LOGIN, token: secret(TOKEN), loginAfterReset: true })
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.login.inputs).toEqual([{ username: LOGIN, password: PASSWORD }])
    expect(t.state().output).toMatchObject({ loggedIn: true, tokens: registeredTokens })
    expectNoSecrets(t.seen)
  })

  it('a failed login after the reset still ends done, with its error', async () => {
    const t = start(
      { login: [{ reject: codedError('account_locked') }] },
      { login: LOGIN, token: secret(TOKEN), loginAfterReset: true },
    )
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.tags()).toEqual(['done'])
    expect(t.state().output).toMatchObject({ loggedIn: false, error: { code: 'account_locked' } })
  })
})

describe('passwordResetMachine: errors and their ways back', () => {
  it('unknown login (404) → requestRefused → request with another login', async () => {
    const t = start({ request: [{ reject: codedError('not_found', { status: 404 }) }, undefined] })
    t.actor.send({ type: 'request', login: 'nobody@example.com' })
    await waitFor(t.actor, (s) => s.matches('requestRefused'))
    expect(t.tags()).toEqual(['error', 'requestForm'])
    expect(t.state().context.error?.code).toBe('not_found')
    expect(t.state().can({ type: 'retry' })).toBe(false)
    t.actor.send({ type: 'request', login: LOGIN })
    expect(t.state().context.error).toBeUndefined()
    await waitFor(t.actor, (s) => s.hasTag('tokenSent'))
    expect(t.request.inputs.map((i) => i.login)).toEqual(['nobody@example.com', LOGIN])
  })

  it('a transient failure of the request → retryable → retry sends it again', async () => {
    const t = start({ request: [{ reject: codedError('network') }, undefined] })
    t.actor.send({ type: 'request', login: LOGIN })
    await waitFor(t.actor, (s) => s.matches('requestInterrupted'))
    expect(t.tags()).toEqual(['error', 'requestForm', 'retryable'])
    t.actor.send({ type: 'retry' })
    await waitFor(t.actor, (s) => s.hasTag('tokenSent'))
    expect(t.request.inputs).toEqual([{ login: LOGIN }, { login: LOGIN }])
  })

  it('tokenSent: request again resends the link', async () => {
    const t = start({})
    t.actor.send({ type: 'request', login: LOGIN })
    await waitFor(t.actor, (s) => s.hasTag('tokenSent'))
    t.actor.send({ type: 'request', login: LOGIN })
    await waitFor(t.actor, (s) => s.hasTag('tokenSent'))
    expect(t.request.calls).toBe(2)
  })

  it('weak password → back to the form with the error → a better one succeeds', async () => {
    const t = start(
      { reset: [{ reject: codedError('weak_password', { status: 400 }) }, undefined] },
      { login: LOGIN, token: secret(TOKEN) },
    )
    t.actor.send({ type: 'submit', newPassword: secret('short') })
    await waitFor(t.actor, (s) => s.matches({ awaitingNewPassword: 'rejected' }))
    expect(t.tags()).toEqual(['error', 'passwordForm'])
    expect(t.state().context.error?.code).toBe('weak_password')
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD_2) })
    await waitFor(t.actor, (s) => s.status === 'done')
    // The token is still held for the second attempt; the refused password is not.
    expect(t.reset.inputs.at(-1)).toEqual({ login: LOGIN, token: TOKEN, newPassword: PASSWORD_2 })
    expectNoSecrets(t.seen)
  })

  it('an empty password is refused without a request', () => {
    const t = start({}, { login: LOGIN, token: secret(TOKEN) })
    t.actor.send({ type: 'submit', newPassword: secret('') })
    expect(t.state().value).toEqual({ awaitingNewPassword: 'rejected' })
    expect(t.state().context.error?.code).toBe('weak_password')
    expect(t.reset.calls).toBe(0)
  })

  it.each(['invalid_reset_token', 'not_found'] as const)(
    '%s on reset → linkInvalid → request a new link → reset with the new token',
    async (code) => {
      const t = start(
        { reset: [{ reject: codedError(code) }, undefined] },
        { login: LOGIN, token: secret('old-used-token') },
      )
      t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
      await waitFor(t.actor, (s) => s.matches('linkInvalid'))
      expect(t.tags()).toEqual(['error', 'linkInvalid', 'requestForm'])
      expect(t.state().can({ type: 'submit', newPassword: secret(PASSWORD) })).toBe(false)
      t.actor.send({ type: 'request', login: LOGIN })
      await waitFor(t.actor, (s) => s.hasTag('tokenSent'))
      t.actor.send({ type: 'link.opened', token: secret(TOKEN) })
      t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
      await waitFor(t.actor, (s) => s.status === 'done')
      expect(t.reset.inputs.map((i) => i.token)).toEqual(['old-used-token', TOKEN])
    },
  )

  it('a transient failure of the reset → retry resends with the held secrets', async () => {
    const t = start(
      { reset: [{ reject: codedError('server_error', { status: 503 }) }, undefined] },
      { login: LOGIN, token: secret(TOKEN) },
    )
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.matches('resetInterrupted'))
    expect(t.tags()).toEqual(['error', 'passwordForm', 'retryable'])
    t.actor.send({ type: 'retry' })
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.reset.inputs).toEqual([
      { login: LOGIN, token: TOKEN, newPassword: PASSWORD },
      { login: LOGIN, token: TOKEN, newPassword: PASSWORD },
    ])
  })

  it('a transient failure of the reset → submit another password instead', async () => {
    const t = start(
      { reset: [{ reject: codedError('network') }, undefined] },
      { login: LOGIN, token: secret(TOKEN) },
    )
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.matches('resetInterrupted'))
    t.actor.send({ type: 'submit', newPassword: secret(PASSWORD_2) })
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.reset.inputs.at(-1)?.newPassword).toBe(PASSWORD_2)
  })

  it('a flow restored from a persisted snapshot holds no token: linkInvalid', async () => {
    const t = start({}, { login: LOGIN, token: secret(TOKEN) })
    const persisted = t.actor.getPersistedSnapshot()
    expect(JSON.stringify(persisted)).not.toContain(TOKEN)
    t.actor.stop()
    const reset = scripted<void, ResetPasswordInput>([undefined])
    const restored = createActor(
      passwordResetMachine.provide({ actors: { resetPassword: reset.logic } }),
      { snapshot: persisted, input: {} },
    ).start()
    restored.send({ type: 'submit', newPassword: secret(PASSWORD) })
    await flush()
    expect(restored.getSnapshot().value).toBe('linkInvalid')
    expect(restored.getSnapshot().context.error?.code).toBe('invalid_reset_token')
    expect(reset.calls).toBe(0)
  })
})

// Paths: every state reached from both starts, the busy invariant on every state node.

type ResetTraversalEvent = TraversalEvent<typeof passwordResetMachine>
const ERRORS = (['not_found', 'weak_password', 'invalid_reset_token', 'network'] as const).map(
  (code) => codedError(code),
)
const EVENTS: ResetTraversalEvent[] = [
  { type: 'request', login: LOGIN },
  { type: 'link.opened', token: secret(TOKEN) },
  { type: 'submit', newPassword: secret(PASSWORD) },
  { type: 'submit', newPassword: secret('') },
  { type: 'retry' },
  { type: 'secrets.released', secrets: { token: secret(TOKEN), password: secret(PASSWORD) } },
  { type: 'secrets.released', secrets: { password: secret(PASSWORD) } },
  { type: 'secrets.released', secrets: {} },
  done('getResetPasswordToken'),
  done('resetPassword'),
  done('authenticateCustomer', registeredTokens),
  ...ERRORS.flatMap((error) => [
    failed('getResetPasswordToken', error),
    failed('resetPassword', error),
    failed('authenticateCustomer', error),
  ]),
]
const serializeState = (s: ResetSnapshot) =>
  JSON.stringify([s.value, tagsOf(s), s.context.error?.code, s.status])
const traversal = (input: PasswordResetInput) => ({
  input,
  events: EVENTS,
  serializeEvent,
  serializeState,
  filterEvents: canTake,
})
const INPUTS: PasswordResetInput[] = [
  {},
  { login: LOGIN, token: secret(TOKEN), loginAfterReset: true },
]

/** Busy nodes that await the hold instead of an actor must take its answer. */
function busyProblems(): string[] {
  const awaitsHold = (node: AnyStateNode) => handles(node, 'secrets.released')
  const holders = new Set(
    nodesTagged(passwordResetMachine, 'busy')
      .filter(awaitsHold)
      .map((n) => n.id),
  )
  return busyStatesWithoutExits(passwordResetMachine).filter(
    (problem) => ![...holders].some((id) => problem.startsWith(`${id}: busy without`)),
  )
}

describe('passwordResetMachine paths', () => {
  const logic = traversable(passwordResetMachine)
  const reached = INPUTS.flatMap((input) => snapshotsOf(getAdjacencyMap(logic, traversal(input))))

  it('reaches every state node from the two starts', () => {
    // `starting` is eventless: left within the initial step, it is never a snapshot.
    for (const input of INPUTS) {
      expect(getShortestPaths(logic, traversal(input)).length).toBeGreaterThan(8)
    }
  })

  it('every busy state exits on done and on every error (or on the hold’s answer)', () => {
    expect(busyProblems()).toEqual([])
    for (const snapshot of reached.filter((s) => s.hasTag('busy'))) {
      const ids = Object.keys(snapshot.children).filter((id) => id !== 'secrets')
      if (ids.length === 0) {
        expect(canTake(snapshot, { type: 'secrets.released', secrets: {} })).toBe(true)
        continue
      }
      for (const id of ids) {
        expect(canTake(snapshot, done(id, registeredTokens))).toBe(true)
        for (const error of ERRORS) expect(canTake(snapshot, failed(id, error))).toBe(true)
      }
      expect(canTake(snapshot, { type: 'request', login: LOGIN })).toBe(false)
    }
  })

  it('every error state has a way back; retryable only after a transient error', () => {
    for (const snapshot of reached.filter((s) => s.hasTag('error'))) {
      const back =
        canTake(snapshot, { type: 'request', login: LOGIN }) ||
        canTake(snapshot, { type: 'submit', newPassword: secret(PASSWORD) })
      expect(back, JSON.stringify(snapshot.value)).toBe(true)
      expect(snapshot.hasTag('retryable')).toBe(isTransientError(snapshot.context.error))
    }
  })

  it('no reached context holds the token or a password', () => {
    expectNoSecrets(reached.map((s) => JSON.stringify(s.context)))
  })
})
