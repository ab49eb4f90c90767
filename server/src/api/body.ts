/** Reading request bodies: bounded, and answered with a clear error when they are not acceptable. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { WorkshopLimits } from '@werkraum/shared'
import type { z } from 'zod'
import { sendApiError } from './errors.ts'

/** Reads a raw body of at most `maxBytes`; answers 413 itself and returns undefined beyond that. */
export async function readRaw(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    sendApiError(req, res, 413, 'body_too_large')
    req.resume()
    return undefined
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) {
      sendApiError(req, res, 413, 'body_too_large')
      return undefined
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Reads and validates a JSON body; answers the error itself and returns undefined when it is not acceptable. */
export async function readBody<T extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: T): Promise<z.infer<T> | undefined> {
  const raw = await readRaw(req, res, WorkshopLimits.MAX_BODY_BYTES)
  if (!raw) return undefined
  let json: unknown
  try {
    json = JSON.parse(raw.toString('utf8'))
  } catch {
    sendApiError(req, res, 400, 'not_json')
    return undefined
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    sendApiError(req, res, 400, 'invalid_fields')
    return undefined
  }
  return parsed.data
}
