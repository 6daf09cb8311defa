/**
 * Reading a failed HTTP answer of SLAS or SCAPI: the status, the headers and the fields of its
 * body that the error mapping looks at, read once. Nothing here picks a code (that is
 * `errorCodeRules.ts`), and reading never throws, whatever the body holds.
 *
 * @module
 */
import { isRecord } from '../validation/objects.ts'

/** Reads a response header by its lower-case name. */
export type HeaderReader = (name: string) => string | null | undefined

/** What a failed answer says, as the mapping rules and the error message read it. */
export interface FailedAnswer {
  /** The operationId that was called, e.g. `getAccessToken`. */
  readonly operation: string
  /** The HTTP status. */
  readonly status: number
  /**
   * SLAS's OAuth `error` (e.g. `invalid_grant`), else the last segment of a problem+json `type`
   * (e.g. `login-already-in-use`), lower-cased: what the tag tables are keyed by.
   */
  readonly tag: string | undefined
  /**
   * The server's own words for the error message: the best human field (`message`,
   * `error_description`, `detail`, `title`), else the `error` or the slug as sent.
   */
  readonly summary: string | undefined
  /**
   * The human fields lower-cased and joined by a line break, for the keyword rules (a line break,
   * so that no keyword is ever matched across two fields).
   */
  readonly text: string
  /** A body without JSON fields (an HTML gateway or maintenance page), cut to 4096 characters. */
  readonly page: string
  /** An `sfdc_maintenance` header is set: the instance is in maintenance. */
  readonly maintenanceHeader: boolean
  /** `Retry-After`, as sent. */
  readonly retryAfter: string | null | undefined
  /** SLAS's `X-RateLimit-1M-Reset`, as sent. */
  readonly rateLimitReset: string | null | undefined
}

// The human fields of both families (SLAS, problem+json), the best description first.
const DESCRIPTIONS = ['message', 'error_description', 'detail', 'title']

/**
 * Reads a failed answer. `body` is raw text (parsed here when it is JSON) or an already parsed
 * value; only a JSON object has fields, and only non-blank strings count (trimmed).
 *
 * @example
 * ```ts
 * const body = '{"error":"invalid_request","message":"invalid refresh_token"}'
 * const answer = readFailedAnswer('getAccessToken', 400, body, () => null)
 * // answer.tag: 'invalid_request', answer.summary: 'invalid refresh_token'
 * ```
 */
export function readFailedAnswer(
  operation: string,
  status: number,
  body: unknown,
  header: HeaderReader,
): FailedAnswer {
  const fields = bodyFields(body)
  const read = (key: string) => textField(fields[key])
  const error = read('error')
  const slug = typeSlug(read('type'))
  const descriptions = DESCRIPTIONS.flatMap((key) => read(key) ?? [])
  return {
    operation,
    status,
    tag: (error ?? slug)?.toLowerCase(),
    summary: descriptions[0] ?? error ?? slug,
    text: descriptions.join(' \n ').toLowerCase(),
    page: typeof body === 'string' && !Object.keys(fields).length ? body.slice(0, 4096) : '',
    maintenanceHeader: !!header('sfdc_maintenance')?.trim(),
    retryAfter: header('retry-after'),
    rateLimitReset: header('x-ratelimit-1m-reset'),
  }
}

/** The fields of a JSON object body (raw text is parsed first); any other body has none. */
function bodyFields(body: unknown): Record<string, unknown> {
  let parsed = body
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body)
    } catch {
      // Not JSON (an HTML page, a cut body): the text is kept as the page, and has no fields.
    }
  }
  return isRecord(parsed) ? parsed : {}
}

/** A field's value, trimmed, when it is a string with more than whitespace. */
function textField(value: unknown): string | undefined {
  return (typeof value === 'string' && value.trim()) || undefined
}

/** `…/errors/login-already-in-use/` → `login-already-in-use` (`''` for a `type` of slashes). */
function typeSlug(type: string | undefined): string | undefined {
  return type?.replace(/\/+$/, '').split('/').pop()
}
