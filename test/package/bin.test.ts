/**
 * The package `bin`: `shopper-session-emulator`, as npm links it into a project that installed
 * the tarball, runs as plain JavaScript on Node (no tsx), serves the emulator and stops on
 * SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'

const consumerDir = inject('consumerDir')

/** Runs the bin as npm linked it, the way `npx shopper-session-emulator` does. */
function spawnBin(args: string[]): ChildProcess {
  const bin = join(consumerDir, 'node_modules', '.bin', 'shopper-session-emulator')
  return spawn(bin, args, { cwd: consumerDir, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Waits for the SLAS base the CLI prints: `SLAS  http://localhost:N/shopper/auth/v1/…/oauth2/…`. */
function printedSlasBase(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let output = ''
    let errors = ''
    const timer = setTimeout(() => reject(new Error('no SLAS line within 10 s')), 10_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString()
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      // Matched here, never printed: the banner carries the seeded development credentials.
      const match = /SLAS\s+(http:\/\/localhost:\d+\/shopper\/auth\/v1\/\S+\/oauth2)\//.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the bin exited early with ${code}: ${errors.slice(0, 500)}`))
    })
  })
}

describe('the installed bin', () => {
  it('is declared as shopper-session-emulator', () => {
    const manifest = JSON.parse(
      readFileSync(join(consumerDir, 'node_modules', 'shopper-session', 'package.json'), 'utf8'),
    ) as { bin?: Record<string, string> }
    expect(manifest.bin).toEqual({ 'shopper-session-emulator': './dist/emulator/cli.js' })
  })

  it('serves on --port 0 (the JWKS answers) and exits 0 on SIGTERM', async () => {
    const child = spawnBin(['--port', '0'])
    try {
      const slas = await printedSlasBase(child)
      const jwks = await fetch(`${slas}/jwks`)
      expect(jwks.status).toBe(200)
      expect(((await jwks.json()) as { keys: unknown[] }).keys).toHaveLength(1)
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })

  it('refuses a bad --port with its usage and exit code 2', async () => {
    const child = spawnBin(['--port', 'x'])
    let errors = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString()
    })
    // 'close', not 'exit': it comes after stderr has been read to its end.
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
    expect(code).toBe(2)
    expect(errors).toContain('usage: shopper-session-emulator')
  })
})
