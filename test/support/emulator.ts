/**
 * `createTestEmulator`: an emulator whose secrets (tokens, codes, passwords, client secrets) feed
 * the global secret guard, so any test that leaks one fails.
 */
import { onTestFinished } from 'vitest'
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.ts'
import { registerSecretSource } from './secrets.ts'

/**
 * Creates an emulator and registers `control.secrets` with the secret registry. Inside a test the
 * registration ends when the test finishes (after the guard's check); at module or `beforeAll`
 * level it lasts for the test file.
 */
export function createTestEmulator(options?: EmulatorOptions): Emulator {
  const emulator = createEmulator(options)
  const unregister = registerSecretSource(() => emulator.control.secrets())
  try {
    onTestFinished(() => {
      unregister()
    })
  } catch {
    // Not inside a test: keep it registered for the rest of the file.
  }
  return emulator
}
