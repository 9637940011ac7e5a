// Which printer `-o` picks for the verbs that print what they changed (create, apply, delete...), after
// cli-runtime genericclioptions/print_flags.go (v0.32.5): every format kubectl knows is allowed by name; these
// verbs print table, wide, name, yaml and json, and answer the others (jsonpath, templates, custom columns) as not
// supported yet. `get` builds every printer, templates included, in get-printer.ts.

import type { KubeObject } from '../../kube'
import type { ResourceRef } from '../../engine'
import { kindSlashName } from '../mapping'
import { toJson } from './json'
import { toYaml } from '../../gostd/yaml'

export type OutputFormat = '' | 'wide' | 'name' | 'yaml' | 'json'

const PRINTED: readonly OutputFormat[] = ['', 'wide', 'name', 'yaml', 'json']

/** get's allowed formats: JSON/YAML, name, templates, jsonpath, custom columns and wide, sorted as kubectl lists them. */
export const GET_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
] as const

/** PrintFlags.ToPrinter: the format, or kubectl's NoCompatiblePrinterError (or Podlab's not-yet) as stderr text. */
export function chooseFormat(output: string, allowed: readonly string[]): { format: OutputFormat } | { error: string } {
  if ((PRINTED as readonly string[]).includes(output) && (output === '' || allowed.includes(output))) return { format: output as OutputFormat }
  // `-o jsonpath={.items}`: kubectl splits the template off at the first `=` before it picks a printer.
  const name = output.split('=')[0] ?? ''
  if (allowed.includes(name)) return { error: `error: --output=${name} is not supported by Podlab yet\n` }
  return { error: `error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${allowed.join(',')}\n` }
}

/** A human (table) format: the server's Table laid out, not the objects themselves. */
export function isHumanReadable(format: OutputFormat): boolean {
  return format === '' || format === 'wide'
}

/** The name printer (printers/name.go): one `kind.group/name` line per object. */
export function nameLines(items: Array<{ ref: Pick<ResourceRef, 'kind' | 'group'>; object: KubeObject }>): string {
  return items.map((i) => `${kindSlashName(i.ref, i.object.metadata.name ?? '')}\n`).join('')
}

/**
 * The JSON or YAML printer of one object or list; without `showManagedFields` (--show-managed-fields) wrapped
 * in OmitManagedFieldsPrinter, as JSONYamlPrintFlags.ToPrinter wraps it (cli-runtime printers/managedfields.go).
 */
export function serialize(format: 'json' | 'yaml', value: unknown, showManagedFields = false): string {
  const printed = showManagedFields ? value : omitManagedFields(value)
  return format === 'json' ? toJson(printed) : toYaml(printed)
}

/** The object as a JSON/YAML printer gets it: as it is with --show-managed-fields, else without managedFields. */
export function printable<T>(value: T, showManagedFields: boolean): T {
  return showManagedFields ? value : omitManagedFields(value)
}

/** OmitManagedFieldsPrinter's copy: the object, or each item of a List, without metadata.managedFields. */
export function omitManagedFields<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  const o = value as { metadata?: Record<string, unknown>; items?: unknown[] }
  const items = Array.isArray(o.items) ? { items: o.items.map(omitManagedFields) } : {}
  if (o.metadata && 'managedFields' in o.metadata) {
    const { managedFields: _m, ...metadata } = o.metadata
    return { ...o, ...items, metadata } as T
  }
  return Array.isArray(o.items) ? ({ ...o, ...items } as T) : value
}
