// go-yaml v2's reader (sigs.k8s.io/yaml v1.4.0 goyaml.v2/readerc.go), ported by hand for what a JavaScript
// string still needs: the input as characters (code points, as the scanner's marks count them), a UTF-8 BOM
// dropped at the start (yaml_parser_determine_encoding), and the "control characters are not allowed" check.
// The reader decodes its input 512 bytes at a time, as the scanner asks for characters, so a control character
// late in a long document is reported only when the scanner gets near it: a syntax error before it wins.
// (Invalid UTF-8 cannot reach here: the file was decoded to a string before, with U+FFFD for bad bytes.)

import { YamlError } from './errors'

const INPUT_RAW_BUFFER_SIZE = 512

export class Reader {
  /** The characters after the BOM; past the end the scanner reads NULs (yaml_parser_update_buffer pads with zeros). */
  readonly chars: string[]
  /**
   * How many characters the chunks before the one holding the first control character decode: asking for more
   * makes the reader decode that chunk, and fail. Infinity when there is no control character.
   */
  private readonly failBeyond: number

  constructor(text: string) {
    const body = text.startsWith('\ufeff') ? text.slice(1) : text
    this.chars = Array.from(body)
    const control = NOT_ALLOWED.exec(body)
    if (control === null) {
      this.failBeyond = Infinity
      return
    }
    // The byte offset of the control character, then the characters whose last byte lies in earlier chunks.
    const bomBytes = text.startsWith('\ufeff') ? 3 : 0
    const controlChunk = Math.floor((bomBytes + utf8Length(body.slice(0, control.index))) / INPUT_RAW_BUFFER_SIZE)
    let bytes = bomBytes
    let decoded = 0
    for (const c of body) {
      bytes += utf8Length(c)
      if (Math.floor((bytes - 1) / INPUT_RAW_BUFFER_SIZE) >= controlChunk) break
      decoded++
    }
    this.failBeyond = decoded
  }

  /**
   * yaml_parser_update_buffer(length): makes sure `length` characters from `pos` are decoded, decoding whole
   * chunks; throws go-yaml's reader error when a chunk it decodes holds a control character.
   */
  cache(pos: number, length: number): void {
    if (pos + length > this.failBeyond) throw new YamlError('reader', 'control characters are not allowed')
  }
}

/** What readerc.go refuses: anything outside the allowed set below. */
const NOT_ALLOWED = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u

function utf8Length(s: string): number {
  let n = 0
  for (const c of s) {
    const cp = c.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}
