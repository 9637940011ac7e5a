// The JSON scalars that have their own UnmarshalJSON in Go, and the errors those methods return.
// A failing UnmarshalJSON aborts the whole decode at once (encoding/json returns its error instead of
// saving it), which is why these are "fatal" in walk.ts.

import { goQuote } from '../../../gostd/gofmt'
import { ERR_FORMAT_WRONG, ERR_NUMERIC, ERR_SUFFIX, parseQuantityExact } from '../../../gostd/quantity-canonical'

// k8s.io/apimachinery v0.32.0 pkg/api/resource/quantity.go, ported in ../quantity-canonical.ts
export const QUANTITY_FORMAT_WRONG = ERR_FORMAT_WRONG
export const QUANTITY_SUFFIX = ERR_SUFFIX
export const QUANTITY_NUMERIC = ERR_NUMERIC

/** ParseQuantity's error for a string (ErrFormatWrong, ErrSuffix or ErrNumeric), or null when it parses. */
export function quantityError(str: string): string | null {
  const parsed = parseQuantityExact(str)
  return parsed.ok ? null : parsed.error
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
