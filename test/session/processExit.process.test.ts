/**
 * Node timers that do not keep a script alive: a script that signs a shopper in and never calls
 * `stop()` ends by itself (the session's refresh timer would otherwise hold it for 29 minutes).
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SCRIPT = fileURLToPath(new URL('./fixtures/scriptWithoutStop.ts', import.meta.url))

describe('a Node script with a session', () => {
  it('exits on its own without stop()', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const exit = await new Promise<number | 'still running'>((resolve) => {
      const timer = setTimeout(() => {
        child.kill()
        resolve('still running')
      }, 12_000)
      child.on('exit', (code) => {
        clearTimeout(timer)
        resolve(code ?? -1)
      })
    })
    expect(out).toContain('signed in: registered')
    expect(exit).toBe(0)
  }, 30_000)
})
