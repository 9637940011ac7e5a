// Would a plain YAML scalar read back as something other than a string? go-yaml v2's resolve() and
// isBase60Float (sigs.k8s.io/yaml v1.4.0 goyaml.v2/resolve.go, encode.go), which kubectl's YAML printer uses to
// decide that "true", "123", "1.5", "0x1F", "~", "2025-03-01" or "12:30" must be double-quoted. YAML 1.1 rules:
// y/yes/on/off are booleans here.

const MAP_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
])

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
