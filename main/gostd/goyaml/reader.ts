// go-yaml v2's reader (sigs.k8s.io/yaml v1.4.0 goyaml.v2/readerc.go), ported by hand for what a JavaScript
// string still needs: the input as characters (code points, as the scanner's marks count them), a UTF-8 BOM
// dropped at the start (yaml_parser_determine_encoding), and the "control characters are not allowed" check.
// The reader decodes its input 512 bytes at a time, as the scanner asks for characters, so a control character
// late in a long document is reported only when the scanner gets near it: a syntax error before it wins.
// (Invalid UTF-8 cannot reach here: the file was decoded to a string before, with U+FFFD for bad bytes.)

import { YamlError } from './errors'

const INPUT_RAW_BUFFER_SIZE = 512

export class Reader {
  /** The characters after the BOM, then NULs: yaml_parser_update_buffer pads the end with zeros. */
  readonly chars: string[]
  /** How many characters the reader has decoded so far (chunks of 512 input bytes). */
  private decoded = 0
  private nextChunk = 0
  /** The character index where each 512-byte chunk ends, and the first control character, if any. */
  private readonly chunkEnds: number[] = []
  private readonly firstControl: number

  constructor(text: string) {
    this.chars = Array.from(text.startsWith('\ufeff') ? text.slice(1) : text)
    let bytes = text.startsWith('\ufeff') ? 3 : 0
    let firstControl = -1
    for (let i = 0; i < this.chars.length; i++) {
      const c = this.chars[i]!.codePointAt(0)!
      if (firstControl < 0 && !allowed(c)) firstControl = i
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
      // The chunk holding a character's last byte decodes it.
      const chunk = Math.floor((bytes - 1) / INPUT_RAW_BUFFER_SIZE)
      while (this.chunkEnds.length <= chunk) this.chunkEnds.push(i)
      this.chunkEnds[chunk] = i + 1
    }
    this.firstControl = firstControl
  }

  /**
   * yaml_parser_update_buffer(length): makes sure `length` characters from `pos` are decoded, decoding whole
   * chunks; throws go-yaml's reader error when a chunk it decodes holds a control character.
   */
  cache(pos: number, length: number): void {
    while (pos + length > this.decoded && this.nextChunk < this.chunkEnds.length) {
      const end = this.chunkEnds[this.nextChunk]!
      if (this.firstControl >= 0 && this.firstControl < end) throw new YamlError('reader', 'control characters are not allowed')
      this.decoded = end
      this.nextChunk++
    }
  }
}

/** #x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (readerc.go). */
function allowed(c: number): boolean {
  return (
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  )
}
