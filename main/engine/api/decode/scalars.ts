// The JSON scalars that have their own UnmarshalJSON in Go, and the errors those methods return.
// A failing UnmarshalJSON aborts the whole decode at once (encoding/json returns its error instead of
// saving it), which is why these are "fatal" in walk.ts.

import { goQuote } from '../gofmt'

// k8s.io/apimachinery v0.32.0 pkg/api/resource/quantity.go
const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
export const QUANTITY_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`
export const QUANTITY_SUFFIX = "unable to parse quantity's suffix"

const DECIMAL_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E'])
const BINARY_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'])
const SUFFIX_CHARS = 'eEinumkKMGTP'
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/**
 * ParseQuantity's error for a string, or null when it parses. A port of parseQuantityString and
 * suffixer.interpret; the "unable to parse numeric part" case (huge mantissas) is not reproduced.
 */
export function quantityError(str: string): string | null {
  if (str.length === 0) return QUANTITY_FORMAT_WRONG
  if (str === '0') return null
  const end = str.length
  let pos = 0
  if (str[0] === '-' || str[0] === '+') pos++
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return null
  while (pos < end && isDigit(str[pos])) pos++
  if (pos >= end) return null
  if (str[pos] === '.') {
    pos++
    while (pos < end && isDigit(str[pos])) pos++
    if (pos >= end) return null
  }
  const suffixStart = pos
  while (pos < end && SUFFIX_CHARS.includes(str[pos] ?? '')) pos++
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  while (pos < end && isDigit(str[pos])) pos++
  if (pos < end) return QUANTITY_FORMAT_WRONG
  const suffix = str.slice(suffixStart)
  if (DECIMAL_SUFFIXES.has(suffix) || BINARY_SUFFIXES.has(suffix)) return null
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) return null
  return QUANTITY_SUFFIX
}

const RFC3339 = '2006-01-02T15:04:05Z07:00'
// Layout elements of time.RFC3339 in order, each with the pattern Go's parser accepts there.
const ELEMENTS: Array<[string, RegExp]> = [
  ['2006', /^\d{4}/],
  ['-', /^-/],
  ['01', /^\d{2}/],
  ['-', /^-/],
  ['02', /^\d{2}/],
  ['T', /^T/],
  ['15', /^\d{2}/],
  [':', /^:/],
  ['04', /^\d{2}/],
  [':', /^:/],
  ['05', /^\d{2}(\.\d+)?/],
  ['Z07:00', /^(Z|[+-]\d{2}:\d{2})/],
]

/**
 * time.Parse(time.RFC3339, s)'s error, or null. Approximate: it names the first layout element that does
 * not match, as Go does, but does not check ranges (month 13) or Go's finer fraction rules.
 */
export function rfc3339Error(s: string): string | null {
  let rest = s
  for (const [element, re] of ELEMENTS) {
    const m = re.exec(rest)
    if (!m) return `parsing time ${goQuote(s)} as ${goQuote(RFC3339)}: cannot parse ${goQuote(rest)} as ${goQuote(element)}`
    rest = rest.slice(m[0].length)
  }
  if (rest !== '') return `parsing time ${goQuote(s)}: extra text: ${goQuote(rest)}`
  return null
}
