// describe.go genericDescriber and printUnstructuredContent (v0.32.5): the describer of every kind without its
// own (Events, Leases...): name, namespace, labels and annotations, then every field sorted, nested maps
// indented under smart labels (`involvedObject` -> `Involved Object`), and the object's events.

import type { ResourceRef } from '../../../engine'
import type { DescribeContext } from './describer'
import { describeEvents } from './events'
import { printAnnotationsMultiline, printLabelsMultiline } from './format'
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer'
import { eventsFor } from './replicaset'

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']
const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

/** github.com/fatih/camelcase Split: runs of lower, upper, digit and other runes; `HTTPServer` -> HTTP, Server. */
export function camelcaseSplit(src: string): string[] {
  const kind = (r: string) => (/\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4)
  const runs: string[][] = []
  let last = 0
  for (const r of src) {
    const k = kind(r)
    if (k === last) runs[runs.length - 1]!.push(r)
    else runs.push([r])
    last = k
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (kind(runs[i]![0]!) === 2 && kind(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!)
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}

/** smartLabelFor: `involvedObject` -> `Involved Object`, `uid` -> `UID`; a field with other characters as is. */
export function smartLabelFor(field: string): string {
  if ([...field].some((r) => !/\p{L}/u.test(r) && r !== '-')) return field
  return camelcaseSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ')
}

/** Go's `%v` of a decoded JSON scalar: shortest %g for numbers (exponent form below 1e-4 and from 1e+06), <nil> for null. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'number') {
    const [mantissa, exp] = v.toExponential().split('e') as [string, string]
    const e = Number(exp)
    if (e < -4 || e >= 6) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
    return String(v)
  }
  return String(v)
}

/** printUnstructuredContent: every field but the `skip` paths (`.metadata.name`), sorted, under smart labels. */
export function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: readonly string[] = SKIP): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const skipExpr = `${skipPrefix}.${field}`
    if (skip.includes(skipExpr)) continue
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr, skip)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr, skip)
        else w.write(level + 1, `${Array.isArray(child) ? `[${child.map(goValue).join(' ')}]` : goValue(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`)
    }
  }
}

/** genericDescriber.Describe for `ref`. Throws the GET's ApiError. */
export function describeGeneric(ref: ResourceRef): (ctx: DescribeContext, namespace: string, name: string) => string {
  return (ctx, namespace, name) => {
    const obj = ctx.engine.get(ref.resource, ref.namespaced ? namespace : undefined, name, ref.group)
    const events = eventsFor(ctx, obj)
    return tabbedString((w) => {
      w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
      w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
      printLabelsMultiline(w, 'Labels', obj.metadata.labels)
      printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
      printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '')
      if (events) describeEvents(events, w, ctx.nowMs)
    })
  }
}
