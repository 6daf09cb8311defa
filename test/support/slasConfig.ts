/**
 * The SLAS settings of an emulator's public client, as a client or session config takes them:
 * what most tests and the benchmarks start from.
 */
import type { Emulator } from '../../src/emulator/index.ts'

/** `{ baseUrl, organizationId, siteId, clientId, redirectURI, fetch }` for the public client. */
export function publicSlasConfig(emulator: Emulator) {
  const { baseUrl, organizationId, siteIds, clients, redirectURI } = emulator.settings
  return {
    baseUrl,
    organizationId,
    siteId: siteIds[0] ?? 'RefArch',
    clientId: clients.public.clientId,
    redirectURI: redirectURI,
    fetch: emulator.fetch,
  }
}
