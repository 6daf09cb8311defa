/**
 * Playwright fixtures of the e2e suite; specs import `test` and `expect` from here.
 *
 * - `server` (per worker): a test server with its own emulator on a free `localhost` port
 *   (server.ts); `baseURL` is its origin, so `page.goto('/e2e/session.html')` works.
 * - `emulatorOptions` (worker option, default `{}`): options of that emulator; a spec file with a
 *   top-level `test.use({ emulatorOptions: { refreshTokenReuse: 'revokeFamily' } })` runs in
 *   workers of their own with such an emulator (tabs-strict.spec.ts).
 * - `emulator`: that emulator's control API, reset before each test (tests in one worker run one
 *   after another, so request counts belong to the running test).
 * - `openPages(count, path)`: opens pages of the test origin in the test's browser context (they
 *   share storage, cookies, locks and broadcast channels like tabs of one profile).
 * - the secret guard (automatic): page console output and errors are collected, never printed;
 *   worker output is redacted before it reaches the reporter; the test's failure messages are
 *   redacted; and the test fails when any token, code or password the emulator knows appeared.
 */
import { test as base, expect, type Page } from '@playwright/test'
import type { EmulatorControl, EmulatorOptions } from '../../src/emulator/index.ts'
import { describeSecret, findLeaks } from '../support/secrets.ts'
import { startTestServer, type TestServer } from './server.ts'

export { expect }

/** Opens `count` pages on `path` of the test origin, each loaded. */
export type OpenPages = (count: number, path?: string) => Promise<Page[]>

interface TestFixtures {
  emulator: EmulatorControl
  openPages: OpenPages
  secretGuard: void
}

interface WorkerFixtures {
  emulatorOptions: EmulatorOptions
  server: TestServer
}

function secretsOf(server: TestServer): string[] {
  const passwords = server.emulator.settings.shoppers.map((shopper) => shopper.password)
  return [...new Set([...server.emulator.control.secrets(), ...passwords])]
}

function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of findLeaks(text, secrets)) {
    result = result.split(secret).join(`[secret ${describeSecret(secret)}]`)
  }
  return result
}

type Write = typeof process.stdout.write

// Redacts secrets in what the worker writes while a test runs; the originals go to `captured`.
function guardStreams(secrets: () => string[], captured: string[]): () => void {
  const restores = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write
    const guarded = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString()
      captured.push(text)
      const clean = redact(text, secrets())
      const forward = original as (this: unknown, ...args: unknown[]) => boolean
      return forward.call(stream, clean === text ? chunk : clean, ...rest)
    }
    stream.write = guarded as Write
    return () => {
      stream.write = original
    }
  })
  return () => {
    for (const restore of restores) restore()
  }
}

/** The e2e `test`: Playwright's, with the fixtures above. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  emulatorOptions: [{}, { scope: 'worker', option: true }],
  server: [
    async ({ emulatorOptions }, use) => {
      const server = await startTestServer(emulatorOptions)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.origin)
  },
  emulator: async ({ server }, use) => {
    server.emulator.control.reset()
    await use(server.emulator.control)
  },
  openPages: async ({ context, server }, use) => {
    await use(async (count, path = '/e2e/storage.html') => {
      const pages: Page[] = []
      for (let index = 0; index < count; index++) {
        const page = await context.newPage()
        await page.goto(new URL(path, server.origin).href)
        pages.push(page)
      }
      return pages
    })
  },
  secretGuard: [
    async ({ server, context }, use, testInfo) => {
      const captured: string[] = []
      const watch = (page: Page) => {
        page.on('console', (message) => captured.push(message.text()))
        page.on('pageerror', (error) => captured.push(`${error.message}\n${error.stack ?? ''}`))
      }
      for (const page of context.pages()) watch(page)
      context.on('page', watch)
      const restore = guardStreams(() => secretsOf(server), captured)
      try {
        await use()
      } finally {
        restore()
      }
      const secrets = secretsOf(server)
      for (const error of testInfo.errors) {
        captured.push([error.message, error.stack, error.value].join('\n'))
        if (error.message !== undefined) error.message = redact(error.message, secrets)
        if (error.stack !== undefined) error.stack = redact(error.stack, secrets)
        if (error.value !== undefined) error.value = redact(error.value, secrets)
      }
      const leaks = findLeaks(captured.join('\n'), secrets)
      if (leaks.length > 0) {
        throw new Error(
          `secret guard: ${leaks.length} secret(s) appeared in page console, output or an error: ` +
            leaks.map(describeSecret).join(', '),
        )
      }
    },
    { auto: true },
  ],
})
