import { describe, expect, it } from 'vitest'
import { createCodeVerifier, createState, generateCodeChallenge } from '../../src/scapi/pkce.ts'
import { expectCode } from '../support/expectError.ts'

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B vector', async () => {
    await expect(
      generateCodeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
    ).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('creates 128-character base64url verifiers by default, fresh each time', () => {
    const first = createCodeVerifier()
    expect(first).toMatch(/^[A-Za-z0-9_-]{128}$/)
    expect(createCodeVerifier()).not.toBe(first)
  })

  it('creates verifiers of any allowed length', () => {
    expect(createCodeVerifier(43)).toHaveLength(43)
    expect(createCodeVerifier(100)).toHaveLength(100)
  })

  it('refuses lengths outside 43..128', async () => {
    await expectCode(
      Promise.resolve().then(() => createCodeVerifier(42)),
      'invalid_config',
    )
    await expectCode(
      Promise.resolve().then(() => createCodeVerifier(129)),
      'invalid_config',
    )
  })

  it('refuses verifiers RFC 7636 does not allow', async () => {
    await expectCode(generateCodeChallenge('short'), 'invalid_config')
    await expectCode(generateCodeChallenge(`${'a'.repeat(43)}!`), 'invalid_config')
  })

  it('produces an unpadded base64url challenge', async () => {
    const challenge = await generateCodeChallenge(createCodeVerifier())
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('creates unguessable states', () => {
    const states = new Set(Array.from({ length: 50 }, () => createState()))
    expect(states.size).toBe(50)
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})
