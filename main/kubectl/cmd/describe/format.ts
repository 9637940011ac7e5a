// The small formatters kubectl's describers share (pkg/describe/describe.go v0.32.5): RFC 1123 times, ages,
// <none>, and the labels / annotations / taints / tolerations blocks.

import { humanDuration } from '../../../gostd/human-duration'
import { goSort } from '../../../gostd/sort'
import { LEVEL_0, type PrefixWriter } from './prefix-writer'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Go's time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`) of an RFC 3339 timestamp, in UTC (kubectl prints the
 * local zone; Podlab's cluster lives in UTC). An unset time is Go's zero time, as metav1.Time prints it.
 */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(Date.parse(timestamp))
  const two = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}

/** describe.go translateTimestampSince: `<unknown>` for an unset time, else the age at `nowMs` (ms). */
export function since(timestamp: string | null | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>'
  return humanDuration(nowMs - Date.parse(timestamp))
}

export const stringOrNone = (s: string): string => (s.length > 0 ? s : '<none>')

/** Go's strings.Title-free `%v` of a bool as describe's printBool writes it. */
export const printBool = (b: boolean | undefined): string => (b ? 'True' : 'False')

const utf8 = new TextEncoder()

/** Go's string order: byte-wise over UTF-8 (JS compares UTF-16 units, which differs past the BMP). */
const byBytes = (a: string, b: string): number => {
  const x = utf8.encode(a)
  const y = utf8.encode(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}

export function sortedKeys(m: Record<string, unknown> | undefined, skip: readonly string[] = []): string[] {
  return Object.keys(m ?? {}).filter((k) => !skip.includes(k)).sort(byBytes)
}

/** printLabelsMultilineWithIndent: `Title:\tk=v` then one `k=v` a line under it, sorted; `<none>` when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = sortedKeys(labels)
  if (keys.length === 0) return w.writeLine('<none>')
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent)
    w.write(LEVEL_0, `${key}=${labels![key]}\n`)
  })
}

/** describe.go maxAnnotationLen. */
const MAX_ANNOTATION_LEN = 140
/** skipAnnotations: the last-applied configuration is never shown. */
const SKIP_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration']

/** describe.go shorten: the first `max` bytes and `...` (Go may cut a rune; its bytes print as U+FFFD here). */
const shorten = (s: string, max: number): string => (utf8.encode(s).length > max ? `${new TextDecoder().decode(utf8.encode(s).subarray(0, max))}...` : s)

/** printAnnotationsMultiline: sorted `k: v`, a long or multi-line value on its own indented lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = sortedKeys(annotations, SKIP_ANNOTATIONS)
  if (keys.length === 0) return w.writeLine('<none>')
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const value = annotations![key]!.replace(/\n$/, '')
    if (utf8.encode(value).length + utf8.encode(key).length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

export interface Taint {
  key: string
  value?: string
  effect: string
}

/** corev1.Taint.ToString: `key=value:Effect`, `key:Effect` without a value. */
export const taintString = (t: Taint): string => (t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`)

/** printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!taints || taints.length === 0) return w.writeLine('<none>')
  const key = (t: Taint) => `${t.effect},${t.key}`
  const sorted = goSort([...taints], (a, b) => byBytes(key(a), key(b)) < 0)
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${taintString(t)}\n`)
  })
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

/** printTolerationsMultilineWithIndent: sorted by key; `op=Exists` and `for 300s` as kubectl words them. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (!tolerations || tolerations.length === 0) return w.writeLine('<none>')
  // sort.Slice: Go's unstable order for tolerations of one key (a pod's NoExecute and NoSchedule of a taint).
  const sorted = goSort([...tolerations], (a, b) => byBytes(a.key ?? '', b.key ?? '') < 0)
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent)
    let line = t.key ?? ''
    if (t.value) line += `=${t.value}`
    if (t.effect) line += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, `${line}\n`)
  })
}

export interface OwnerRef {
  kind: string
  name: string
  controller?: boolean
}

/** printController: `Kind/name` of the controlling owner, '' when none. */
export function printController(owners: OwnerRef[] | undefined): string {
  const ref = owners?.find((o) => o.controller === true)
  return ref ? `${ref.kind}/${ref.name}` : ''
}
