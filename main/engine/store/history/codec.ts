// How one history row holds its object's JSON (the `encoding` column of migration 0007). The text is kept
// byte for byte: watch from an old resourceVersion and the history view hand out exactly what was written.
//
//   0 WHOLE  `body` is the JSON text (every row written before 0007; an Event once it is no longer current;
//            a body too large to compress).
//   1 LIVE   `body` is '': the text is the `objects` row with this uid at this resource_version (an Event as
//            recorded, until it changes: Events are written once).
//   2 FULL_V1   `data` is the text deflated (raw DEFLATE, RFC 1951) against the preset DICTIONARY_V1.
//   3 PATCH     `data` is the text deflated against the text of the row at `base` (same uid, an older
//               resourceVersion) as its dictionary: the DEFLATE stream copies what did not change from the
//               previous version (as zstd's --patch-from does), so a pod going Running costs ~150 bytes.
// The numbers are forever: a new dictionary or algorithm is a new number, and old rows keep theirs.

import { isUtf8 } from 'node:buffer'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { DICTIONARY_V1 } from './dictionary-v1'

export const WHOLE = 0
export const LIVE = 1
export const FULL_V1 = 2
export const PATCH = 3
export type Encoding = typeof WHOLE | typeof LIVE | typeof FULL_V1 | typeof PATCH

export function isEncoding(value: unknown): value is Encoding {
  return value === WHOLE || value === LIVE || value === FULL_V1 || value === PATCH
}

/**
 * Bytes of JSON a compressed row may hold (inflating stops there: a hostile row cannot inflate to gigabytes).
 * kube-apiserver refuses request bodies over 3 MiB (apiserver/pkg/server/config.go, MaxRequestBodyBytes);
 * a larger object is written WHOLE.
 */
export const MAX_COMPRESSED_BODY_BYTES = 3 * 1024 * 1024

const dictionary = Buffer.from(DICTIONARY_V1)

// A PATCH's dictionary is its base: an 8 KiB window covers a pod (~4.4 KiB with its managedFields) and keeps
// zlib's per-call state small (memLevel 4), which a call allocates afresh each time; same bytes as the defaults
// on the seeded workloads (156 per pod change), a little less time (within the noise of a shared machine).
// Objects past 8 KiB still round-trip: DEFLATE then sees only the last 8 KiB of the base, and compresses less.
const PATCH_OPTIONS = { windowBits: 13, memLevel: 4 } as const

/** Why a row's data cannot be turned back into text (the caller words the sentence). */
export class CodecError extends Error {
  readonly reason = 'CodecError' as const
  constructor(message: string) {
    super(message)
    this.name = 'CodecError'
  }
}

/** `text` as FULL_V1 data. */
export function encodeFull(text: string): Buffer {
  return deflateRawSync(text, { dictionary })
}

/** `text` as PATCH data against `base` (the text of an older version of the same object). */
export function encodePatch(text: string, base: string): Buffer {
  return deflateRawSync(text, { ...PATCH_OPTIONS, dictionary: Buffer.from(base) })
}

/** The text of FULL_V1 `data`; CodecError when it does not inflate, or inflates past MAX_COMPRESSED_BODY_BYTES. */
export function decodeFull(data: Buffer): string {
  return inflate(data, dictionary)
}

/** The text of PATCH `data` made against `base`; CodecError as decodeFull. */
export function decodePatch(data: Buffer, base: string): string {
  return inflate(data, Buffer.from(base))
}

function inflate(data: Buffer, dict: Buffer): string {
  let out: Buffer
  try {
    out = inflateRawSync(data, { dictionary: dict, maxOutputLength: MAX_COMPRESSED_BODY_BYTES })
  } catch (e) {
    const code = (e as { code?: unknown }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new CodecError(`inflates to more than ${MAX_COMPRESSED_BODY_BYTES} bytes`)
    throw new CodecError(`does not inflate (${(e as Error).message})`)
  }
  // toString would quietly turn bytes that are not UTF-8 into U+FFFD: no encoder here ever wrote them.
  if (!isUtf8(out)) throw new CodecError('inflates to bytes that are not UTF-8')
  return out.toString('utf8')
}
