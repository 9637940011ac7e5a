// Go's encoding/base64 StdEncoding (src/encoding/base64/base64.go): Decode with its CorruptInputError offsets
// (`illegal base64 data at input byte N`, what encoding/json reports for a bad []byte field such as a Secret's
// data), and EncodeToString, which the API server uses when it writes []byte fields back out.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE_MAP = new Int16Array(256).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) DECODE_MAP[ALPHABET.charCodeAt(i)] = i
const PAD = 0x3d // '='
const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; offset: number; message: string }

const corrupt = (offset: number): Base64Result => ({ ok: false, offset, message: `illegal base64 data at input byte ${offset}` })

/**
 * StdEncoding.Decode of `src` (the bytes of the JSON string): the decoded bytes, or the byte offset Go's
 * CorruptInputError names. `\r` and `\n` are skipped anywhere, as Go does; padding is required.
 */
export function decodeStdBase64(src: Uint8Array): Base64Result {
  const out: number[] = []
  let si = 0
  while (si < src.length) {
    // decodeQuantum
    const dbuf = [0, 0, 0, 0]
    let dlen = 4
    let trailing = -1
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) }
        // StdEncoding pads: a quantum cut short is corrupt where it began.
        return corrupt(si - j)
      }
      const input = src[si] ?? 0
      si++
      const value = DECODE_MAP[input] ?? -1
      if (value >= 0) {
        dbuf[j] = value
        continue
      }
      if (isNewline(input)) {
        j--
        continue
      }
      if (input !== PAD) return corrupt(si - 1)
      // Padding: the end of the data.
      if (j === 0 || j === 1) return corrupt(si - 1)
      if (j === 2) {
        // "==" is expected; the first "=" is consumed.
        while (si < src.length && isNewline(src[si])) si++
        if (si === src.length) return corrupt(src.length)
        if (src[si] !== PAD) return corrupt(si - 1)
        si++
      }
      while (si < src.length && isNewline(src[si])) si++
      if (si < src.length) trailing = si
      dlen = j
      break
    }
    const val = ((dbuf[0] ?? 0) << 18) | ((dbuf[1] ?? 0) << 12) | ((dbuf[2] ?? 0) << 6) | (dbuf[3] ?? 0)
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff]
    out.push(...bytes.slice(0, dlen - 1))
    if (trailing >= 0) return corrupt(trailing)
  }
  return { ok: true, bytes: Uint8Array.from(out) }
}

/** StdEncoding.EncodeToString: padded standard base64. */
export function encodeStdBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i
    const val = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(val >> 18) & 63]! + ALPHABET[(val >> 12) & 63]!
    out += n > 1 ? ALPHABET[(val >> 6) & 63]! : '='
    out += n > 2 ? ALPHABET[val & 63]! : '='
  }
  return out
}
