/**
 * Reading the JSON body of a password reset call with a size limit: the stream is read only up to
 * the limit (a `Content-Length` is not trusted), so a huge body costs no memory.
 *
 * @module
 */

/** A read body, or why it was refused. */
export type BodyRead =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; status: 400 | 413; message: string }

const refuse = (status: 400 | 413, message: string): BodyRead => ({ ok: false, status, message })

/** Reads at most `maxBytes` of `request`'s body; `undefined` when it is longer. */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) return undefined
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    length += value.byteLength
    if (length > maxBytes) {
      // Stop reading: the rest of a hostile body is never buffered.
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * The body as a JSON object: 413 over `maxBytes`, 400 when it is not UTF-8 JSON of an object.
 * Messages never quote the body (it may hold a token or a password).
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<BodyRead> {
  let bytes: Uint8Array | undefined
  try {
    bytes = await readLimited(request, maxBytes)
  } catch {
    return refuse(400, 'The request body could not be read.')
  }
  if (bytes === undefined) return refuse(413, `The request body is over ${maxBytes} bytes.`)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    // The SyntaxError is dropped: V8 quotes the start of the text in its message.
    return refuse(400, 'The request body must be JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(400, 'The request body must be a JSON object.')
  }
  return { ok: true, value: value as Record<string, unknown> }
}
