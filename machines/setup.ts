/**
 * XState's `setup()` as the machines use it: typed exactly as XState's, but returning only
 * `createMachine`. XState's own `setup()` also returns its action creators (`log`,
 * `enqueueActions`, ...) in one object, which keeps them in every bundle whether used or not:
 * 0.3 KiB gzip of the browser entry. The machines import `assign`, `emit`, `sendTo` from
 * `xstate` directly and call nothing else on the result (a test keeps it so).
 *
 * @module
 */
import { createMachine, type setup as xstateSetup } from 'xstate'

type Implementations = Parameters<typeof createMachine>[1] & { schemas?: unknown }

/** `setup({ types, actors, actions, guards, delays }).createMachine(config)`, as in XState. */
export const setup = (({ schemas, actors, actions, guards, delays }: Implementations) => ({
  createMachine: (config: Parameters<typeof createMachine>[0]) =>
    createMachine({ ...config, schemas } as typeof config, { actors, actions, guards, delays }),
})) as unknown as typeof xstateSetup
