/**
 * Small HTTP helpers on web-standard `Request`/`Response`: JSON answers, bounded body reading,
 * form parsing, Basic and Bearer credentials.
 *
 * @module
 */
import { base64Decode, decodeUtf8 } from './encoding.ts'

/** A JSON response; `no-store` because emulator answers are per shopper and may carry tokens. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8',
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
  })
}

/** Result of reading a request body. */
export type BodyResult =
  { ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'unreadable' }

/**
 * Reads at most `limit` bytes of the body as UTF-8. Stops (and cancels the stream) as soon as the
 * limit is passed, so a huge body is never buffered.
 */
export async function readBody(request: Request, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) {
    await request.body?.cancel().catch(() => undefined)
    return { ok: false, reason: 'tooLarge' }
  }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limit) {
        await reader.cancel().catch(() => undefined)
        return { ok: false, reason: 'tooLarge' }
      }
      chunks.push(value)
    }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  const text = decodeUtf8(bytes)
  return text === undefined ? { ok: false, reason: 'unreadable' } : { ok: true, text }
}

/** The media type of a `Content-Type` header, lower-cased, without parameters. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/** Result of reading an `application/x-www-form-urlencoded` body. */
export type FormResult =
  | { ok: true; params: URLSearchParams }
  | { ok: false; reason: 'contentType' | 'tooLarge' | 'unreadable' }

/** Parses a form body (content type checked first; the body is read once by the caller's cache). */
export function parseForm(request: Request, body: BodyResult): FormResult {
  if (mediaType(request) !== 'application/x-www-form-urlencoded') {
    return { ok: false, reason: 'contentType' }
  }
  if (!body.ok) return body
  return { ok: true, params: new URLSearchParams(body.text) }
}

/** User and password of an `Authorization: Basic …` header (or a bare base64 value). */
export interface BasicCredentials {
  user: string
  password: string
}

/** Decodes `base64(user:password)`; `undefined` when malformed. Splits at the first colon. */
export function decodeBasicValue(value: string): BasicCredentials | undefined {
  const bytes = base64Decode(value.trim())
  const text = bytes && decodeUtf8(bytes)
  if (text === undefined) return undefined
  const colon = text.indexOf(':')
  if (colon < 0) return undefined
  return { user: text.slice(0, colon), password: text.slice(colon + 1) }
}

/** The credential after `scheme ` in the Authorization header (scheme case-insensitive). */
export function authorization(request: Request, scheme: 'basic' | 'bearer'): string | undefined {
  const header = request.headers.get('authorization')
  if (!header) return undefined
  const space = header.indexOf(' ')
  if (space < 0 || header.slice(0, space).toLowerCase() !== scheme) return undefined
  const value = header.slice(space + 1).trim()
  return value || undefined
}

/** Basic credentials of the request; `undefined` when absent or malformed. */
export function basicCredentials(request: Request): BasicCredentials | undefined {
  const value = authorization(request, 'basic')
  return value === undefined ? undefined : decodeBasicValue(value)
}
