// Would a plain YAML scalar read back as something other than a string? go-yaml v2's resolve() and
// isBase60Float (sigs.k8s.io/yaml v1.4.0 goyaml.v2/resolve.go, encode.go), which kubectl's YAML printer uses to
// decide that "true", "123", "1.5", "0x1F", "~", "2025-03-01" or "12:30" must be double-quoted. YAML 1.1 rules:
// y/yes/on/off are booleans here.

const TRUE_WORDS = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']
const FALSE_WORDS = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']
const NULL_WORDS = ['', '~', 'null', 'Null', 'NULL']
const NAN_WORDS = ['.nan', '.NaN', '.NAN']
const INF_WORDS = ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']
const NEG_INF_WORDS = ['-.inf', '-.Inf', '-.INF']
const MAP_WORDS = new Set([...TRUE_WORDS, ...FALSE_WORDS, ...NULL_WORDS, ...NAN_WORDS, ...INF_WORDS, ...NEG_INF_WORDS, '<<'])

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
// strconv.ParseInt/ParseUint with base 0 (the sign, then 0x / 0o / 0b / leading-0 octal / decimal).
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/
const GO_DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

/** True when go-yaml must quote `s` because its plain form would resolve to a non-string. */
export function needsQuoting(s: string): boolean {
  if (MAP_WORDS.has(s)) return true
  const first = s[0]!
  if (first === '.') return GO_DOT_FLOAT.test(s)
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (isTimestamp(s)) return true
    const plain = s.replace(/_/g, '')
    return GO_INT.test(plain) || YAML_STYLE_FLOAT.test(plain) || /^-0b[01]+$/.test(plain) || isBase60Float(s)
  }
  return false
}

function isBase60Float(s: string): boolean {
  return s.includes(':') && BASE60_FLOAT.test(s)
}

// parseTimestamp: "2006-1-2T15:4:5.999999999Z07:00", the same with a lower-case t or a space and no zone, and
// a bare date; time.Parse also rejects out-of-range fields.
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/

function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const [h, min, sec] = [Number(m[4] ?? m[7] ?? 0), Number(m[5] ?? m[8] ?? 0), Number(m[6] ?? m[9] ?? 0)]
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && h < 24 && min < 60 && sec < 60
}

/** What go-yaml v2's resolve() makes of a scalar: its short tag and, for the typed ones, its Go value. */
export type Resolved =
  | { tag: 'null' }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: bigint }
  | { tag: 'float'; value: number }
  | { tag: 'timestamp' | 'str' | 'merge' | 'binary' }

const LONG_TAG_PREFIX = 'tag:yaml.org,2002:'
const RESOLVABLE = new Set(['', 'str', 'bool', 'int', 'float', 'null', 'timestamp'].map((t) => (t ? LONG_TAG_PREFIX + t : t)))
const INT64_MIN = -(2n ** 63n)
const UINT64_MAX = 2n ** 64n - 1n

/** shortTag: `tag:yaml.org,2002:int` is `!!int`. */
export function shortTag(tag: string): string {
  return tag.startsWith(LONG_TAG_PREFIX) ? `!!${tag.slice(LONG_TAG_PREFIX.length)}` : tag
}

/**
 * goyaml.v2 resolve.go resolve(tag, in) for a scalar with this (long) tag, '' when implicit. A tag go-yaml does
 * not resolve (a custom `!foo`, `!!binary`) keeps the text as a string ('binary' for `!!binary`).
 * @throws Error with go-yaml's text ("cannot decode !!str `thirty` as a !!int") when the tag and the text disagree.
 */
export function resolve(tag: string, text: string): Resolved {
  if (!RESOLVABLE.has(tag)) return { tag: tag === LONG_TAG_PREFIX + 'binary' ? 'binary' : 'str' }
  const resolved = tag === LONG_TAG_PREFIX + 'str' ? ({ tag: 'str' } as const) : resolveText(text, tag === '' || tag === LONG_TAG_PREFIX + 'timestamp')
  const want = tag === '' ? '' : tag.slice(LONG_TAG_PREFIX.length)
  if (want === '' || want === resolved.tag || want === 'str') return resolved
  // An int is accepted as a !!float.
  if (want === 'float' && resolved.tag === 'int') return { tag: 'float', value: Number(resolved.value) }
  throw new Error(`cannot decode !!${resolved.tag} \`${text}\` as a !!${want}`)
}

function resolveText(s: string, timestamps: boolean): Resolved {
  if (TRUE_WORDS.includes(s)) return { tag: 'bool', value: true }
  if (FALSE_WORDS.includes(s)) return { tag: 'bool', value: false }
  if (NULL_WORDS.includes(s)) return { tag: 'null' }
  if (NAN_WORDS.includes(s)) return { tag: 'float', value: NaN }
  if (INF_WORDS.includes(s)) return { tag: 'float', value: Infinity }
  if (NEG_INF_WORDS.includes(s)) return { tag: 'float', value: -Infinity }
  if (s === '<<') return { tag: 'merge' }
  const first = s[0]!
  if (first === '.') {
    // strconv.ParseFloat of the text as it is.
    if (GO_DOT_FLOAT.test(s)) return { tag: 'float', value: Number(s) }
  } else if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (timestamps && isTimestamp(s)) return { tag: 'timestamp' }
    const plain = s.replace(/_/g, '')
    if (GO_INT.test(plain)) {
      const value = goParseInt(plain)
      if (value >= INT64_MIN && value <= UINT64_MAX) return { tag: 'int', value }
    }
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return { tag: 'float', value: Number(plain) }
    if (/^-0b[01]+$/.test(plain)) return { tag: 'int', value: -BigInt(plain.slice(1)) }
  }
  return { tag: 'str' }
}

/** strconv.ParseInt(s, 0, 64)'s number for a text GO_INT accepts (0x, 0o, 0b, a leading-0 octal, decimal). */
function goParseInt(s: string): bigint {
  const negative = s.startsWith('-')
  const digits = s.replace(/^[-+]/, '')
  const value = /^0[0-7]+$/.test(digits) ? BigInt('0o' + digits.slice(1)) : BigInt(digits)
  return negative ? -value : value
}
