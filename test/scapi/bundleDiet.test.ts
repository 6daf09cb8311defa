/**
 * The public SLAS flows (guest and shopper login, refresh, logout) must bundle small: only the zod
 * classes listed here, and none of the schemas of operations they never call (those are built in
 * `@__PURE__` IIFEs). The session's own SLAS requests carry no zod at all.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

// object, optional, string, custom and checks (looseObject's catchall and numbers are custom too).
const ALLOWED_ZOD_CLASSES = [
  '$ZodCheck',
  '$ZodCustom',
  '$ZodError',
  '$ZodObject',
  '$ZodOptional',
  '$ZodString',
  '$ZodType',
]

/** Bundles `names` imported from each file (a path relative to `src/scapi/`) for the browser. */
async function bundle(imports: Record<string, readonly string[]>): Promise<string> {
  const lines = Object.entries(imports).map(
    ([file, names]) =>
      `import { ${names.join(', ')} } from ${JSON.stringify(`${ROOT}src/scapi/${file}`)}`,
  )
  const all = Object.values(imports).flat()
  const result = await build({
    stdin: {
      contents: `${lines.join('\n')}\nconsole.log(${all.join(', ')})\n`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

describe('the public SLAS flows', () => {
  it('pulls only the cheap zod classes and no unused schema', async () => {
    const code = await bundle({
      'slasFlows.ts': ['loginGuestUser', 'loginRegisteredUser', 'refreshAccessToken'],
      'slas/session.ts': ['logoutCustomer'],
      'http.ts': ['sendTo', 'errorFromResponse', 'readText', 'runOperation'],
    })
    const classes = [...new Set(code.match(/\$Zod[A-Z]\w*/g))].sort()
    expect(classes).toEqual(ALLOWED_ZOD_CLASSES)
    // Schemas of operations the session never calls: trusted system, userinfo, JWKS, discovery,
    // introspection.
    for (const marker of ['azure_adb2c', 'idpValidate', 'jwks_uri', 'tokenTypeHint', 'active']) {
      expect(code).not.toContain(marker)
    }
  })

  it('leaves out what only public callers and the Shopper clients need', async () => {
    const code = await bundle({
      'slasFlows.ts': ['loginGuestUser', 'loginRegisteredUser', 'refreshAccessToken'],
      'slas/session.ts': ['logoutCustomer'],
      'http.ts': ['sendTo', 'errorFromResponse', 'readText', 'runOperation'],
    })
    for (const marker of [
      'getSessionBridgeAccessToken', // mapErrorResponse's table of client-auth operations
      'invalid-reset-token', // SHOPPER_TAGS
      'has unknown keys', // issueDetails
      'RFC 7636', // createCodeVerifier / generateCodeChallenge input checks
      'is required for public clients', // authorizeCustomer / authenticateCustomer PKCE check
      'private SLAS clients only', // getAccessToken private-grant check
    ]) {
      expect(code).not.toContain(marker)
    }
  })
})

describe("the session's SLAS requests", () => {
  it('check token answers with plain rules, without a zod class', async () => {
    const code = await bundle({ '../session/slasWire.ts': ['createSessionSlas'] })
    expect(code).toContain('must be a positive number of seconds')
    expect(code.match(/\$Zod[A-Z]\w*/g)).toBeNull()
  })
})
