// intstr helpers apps validation and the Deployment controller share: percent parsing as validation reads it
// (getPercentValue / getIntOrPercentValue) and intstr.GetScaledValueFromIntOrPercent, which the controller's
// maxSurge/maxUnavailable rounding rests on. Sources: kubernetes v1.32 pkg/apis/apps/validation/validation.go,
// k8s.io/apimachinery v0.32.0 pkg/util/intstr/intstr.go and pkg/util/validation/validation.go (IsValidPercent).

import { regexError } from '../../meta/validation'
import type { IntOrString } from '../types'

const PERCENT_FMT = '[0-9]+%'
const PERCENT_RE = /^[0-9]+%$/

/** validation.IsValidPercent: the messages for a string that is not `<digits>%`. */
export function isValidPercent(s: string): string[] {
  return PERCENT_RE.test(s) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')]
}

/** getPercentValue: the number of a valid percent string, else undefined. */
export function percentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || !PERCENT_RE.test(v)) return undefined
  return Number(v.slice(0, -1))
}

/** IntOrString.IntValue: a string's strconv.Atoi, 0 when it is not a number. */
export function intValue(v: IntOrString | undefined): number {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^[+-]?[0-9]+$/.test(v)) return Number(v)
  return 0
}

/** getIntOrPercentValue: a percent string's number, else IntValue. */
export function intOrPercentValue(v: IntOrString | undefined): number {
  return percentValue(v) ?? intValue(v)
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is; a percent of `total`, rounded up or down. Throws an Error
 * (`invalid value for IntOrString: invalid type: string is not a percentage`) for other strings, and for an
 * unset value (`nil value for IntOrString`).
 */
export function scaledValueFromIntOrPercent(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) throw new Error('nil value for IntOrString')
  if (typeof v === 'number') return v
  const m = /^(-?[0-9]+)%$/.exec(v)
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`)
  const percent = Number(m[1])
  const scaled = (percent * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}
