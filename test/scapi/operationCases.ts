/**
 * The checks every Shopper operation gets, run over the `OPERATIONS` table of one API: what goes
 * on the wire, what comes back, and that a malformed or failed answer becomes a coded error.
 */
import { describe, expect, it } from 'vitest'
import { expectCode } from '../support/expectError.ts'
import {
  BASKETS_PREFIX,
  CUSTOMERS_PREFIX,
  json,
  jsonOf,
  noContent,
  problem,
  recordingFetch,
  SITE_ID,
  scapiConfig,
} from './fakeFetch.ts'
import { ACCESS_TOKEN, OPERATIONS, type OperationCase } from './scapiFixtures.ts'

// A wrong type for at least one key of every answer schema.
const WRONG_TYPES = {
  addressId: 7,
  basketId: 7,
  customerId: 7,
  id: 7,
  paymentInstrumentId: 7,
  paymentMethodReferenceSetupId: 7,
  priority: 'high',
  resetToken: 7,
  total: 'many',
}

function answerFor(row: OperationCase): Response {
  return row.answer === undefined ? noContent() : json(200, row.answer)
}

/** Runs the table rows of `api`. */
export function describeOperations(api: OperationCase['api']): void {
  const rows = OPERATIONS.filter((row) => row.api === api).map((row) => [row.name, row] as const)
  const prefix = api === 'customers' ? CUSTOMERS_PREFIX : BASKETS_PREFIX

  describe.each(rows)('%s', (_name, row) => {
    it('sends the method, the URL (siteId first), the Bearer token and the JSON body', async () => {
      const { fetch, calls } = recordingFetch(() => answerFor(row))
      await row.call(scapiConfig(fetch, { headers: { 'x-app': 'test', authorization: 'ignored' } }))
      expect(calls).toHaveLength(1)
      const call = calls[0]
      expect(call?.method).toBe(row.method)
      expect(`${call?.url.origin}${call?.url.pathname}`).toBe(`${prefix}${row.path}`)
      const [first, ...rest] = [...(call?.url.searchParams ?? [])]
      expect(first).toEqual(['siteId', SITE_ID])
      expect(Object.fromEntries(rest)).toEqual(row.query ?? {})
      expect(call?.headers.get('authorization')).toBe(`Bearer ${row.token ?? ACCESS_TOKEN}`)
      expect(call?.headers.get('x-app')).toBe('test')
      expect(call?.headers.get('content-type')).toBe(
        row.body === undefined ? null : 'application/json',
      )
      expect(jsonOf(call)).toEqual(row.body)
    })

    it('returns the answer with its unknown keys, or nothing for a 204', async () => {
      const { fetch } = recordingFetch(() => answerFor(row))
      await expect(row.call(scapiConfig(fetch))).resolves.toEqual(row.answer)
    })

    // Operations answering 204 read no body, so there is nothing to malform.
    if (row.answer !== undefined) {
      it('makes a malformed answer invalid_response', async () => {
        for (const body of ['[]', '"text"', JSON.stringify(WRONG_TYPES), '{']) {
          const { fetch } = recordingFetch(() => new Response(body, { status: 200 }))
          const error = await expectCode(row.call(scapiConfig(fetch)), 'invalid_response')
          expect(error.operation).toBe(row.name)
        }
      })
    }

    it('maps a refused token, a missing resource and a gateway failure', async () => {
      const cases = [
        [problem(401, 'invalid-access-token', 'The access token is invalid.'), 'invalid_token'],
        [problem(404, 'not-found', 'Nothing here.'), 'not_found'],
        [new Response('<html>Bad Gateway</html>', { status: 502 }), 'server_error'],
      ] as const
      for (const [response, code] of cases) {
        const { fetch } = recordingFetch(() => response)
        const error = await expectCode(row.call(scapiConfig(fetch)), code)
        expect(error.message.startsWith(`${row.name} failed: ${response.status}`)).toBe(true)
      }
    })
  })
}
