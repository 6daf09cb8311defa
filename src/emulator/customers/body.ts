/**
 * JSON request bodies: `application/json` only (415 otherwise), bounded by `maxBodyBytes` (413),
 * well-formed UTF-8 JSON (400), and an object at the top (400). Nothing is changed before the whole
 * body has been read and checked.
 *
 * @module
 */
import { mediaType } from '../http.ts'
import type { RequestContext } from '../router.ts'
import type { Outcome } from './auth.ts'
import type { JsonObject } from './model.ts'
import { badRequest, payloadTooLarge, unsupportedMediaType } from './problems.ts'

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads the body as one JSON object. */
export async function readJsonObject(ctx: RequestContext): Promise<Outcome<JsonObject>> {
  const type = mediaType(ctx.request)
  // `application/merge-patch+json` and friends are JSON too; anything else is refused.
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]*\+json$/.test(type)) {
    return { ok: false, response: unsupportedMediaType() }
  }
  const body = await ctx.body()
  if (!body.ok) {
    return {
      ok: false,
      response:
        body.reason === 'tooLarge'
          ? payloadTooLarge(ctx.core.settings.maxBodyBytes)
          : badRequest('The request body could not be read as UTF-8.'),
    }
  }
  let value: unknown
  try {
    value = JSON.parse(body.text)
  } catch {
    return { ok: false, response: badRequest('The request body is not valid JSON.') }
  }
  if (!isObject(value)) {
    return { ok: false, response: badRequest('The request body must be a JSON object.') }
  }
  return { ok: true, value }
}
