// Which printer `kubectl get -o` builds, after kubectl pkg/cmd/get/get_flags.go PrintFlags.ToPrinter (v0.32.5):
// --template alone means go-template; then the template printers (jsonpath, then go-template), JSON/YAML,
// the human table (`` or wide), custom columns, name; else NoCompatiblePrinterError with every allowed format.
// Template values come after `=` in -o, or from --template; *-file formats read the file.

import type { KubectlIO } from '../io'
import { GET_FORMATS } from './print-flags'
import { jsonPathPrinter } from './jsonpath-printer'
import { columnsFromSpec, columnsFromTemplate, customColumnsPrinter } from './customcolumns'
import { goTemplatePrinter } from './gotemplate/printer'
import type { ObjectPrinter } from './object-printer'

export interface GetPrintFlags {
  /** -o as typed. */
  output: string
  /** --template. */
  template: string
  /** --allow-missing-template-keys. */
  allowMissingKeys: boolean
  noHeaders: boolean
  /** --show-managed-fields: JSON and YAML keep metadata.managedFields. */
  showManagedFields?: boolean
}

export type GetPrinter =
  | { kind: 'human'; wide: boolean }
  | { kind: 'name' }
  | { kind: 'yaml' | 'json'; showManagedFields: boolean }
  | { kind: 'object'; printer: ObjectPrinter }

/** The printer, or the message of ToPrinter's error (checkErr adds `error: `). */
export function getPrinter(io: Pick<KubectlIO, 'readFile'>, flags: GetPrintFlags): GetPrinter | { error: string } {
  const output = flags.template !== '' && flags.output === '' ? 'go-template' : flags.output
  for (const family of [JSONPATH, GO_TEMPLATE]) {
    const chosen = templatePrinter(io, family, output, flags)
    if (chosen !== NO_MATCH) return chosen
  }
  if (output === 'json' || output === 'yaml') return { kind: output, showManagedFields: flags.showManagedFields ?? false }
  if (output === 'name') return { kind: output }
  if (output === '' || output === 'wide') return { kind: 'human', wide: output === 'wide' }
  const columns = columnsPrinter(io, output, flags)
  if (columns !== NO_MATCH) return columns
  return { error: noCompatiblePrinter(output) }
}

/** NoCompatiblePrinterError's text for get. */
export function noCompatiblePrinter(output: string): string {
  return `unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${GET_FORMATS.join(',')}`
}

const NO_MATCH = Symbol('no compatible printer')

interface TemplateFamily {
  formats: readonly string[]
  files: readonly string[]
  build(text: string, format: string, flags: GetPrintFlags): ObjectPrinter | { error: string }
}

const JSONPATH: TemplateFamily = {
  formats: ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'],
  files: ['jsonpath-file'],
  build: (text, format, flags) => jsonPathPrinter(text, { allowMissingKeys: flags.allowMissingKeys, json: format === 'jsonpath-as-json' }),
}

const GO_TEMPLATE: TemplateFamily = {
  formats: ['template', 'go-template', 'go-template-file', 'templatefile'],
  files: ['templatefile', 'go-template-file'],
  build: (text, _format, flags) => goTemplatePrinter(text, { allowMissingKeys: flags.allowMissingKeys }),
}

/** JSONPathPrintFlags / GoTemplatePrintFlags ToPrinter. */
function templatePrinter(io: Pick<KubectlIO, 'readFile'>, family: TemplateFamily, output: string, flags: GetPrintFlags): GetPrinter | { error: string } | typeof NO_MATCH {
  if (flags.template === '' && output === '') return NO_MATCH
  let format = output
  let value = ''
  if (flags.template === '') {
    const prefix = family.formats.find((f) => output.startsWith(`${f}=`))
    if (prefix) {
      value = output.slice(prefix.length + 1)
      format = prefix
    }
  } else value = flags.template
  if (!family.formats.includes(format)) return NO_MATCH
  if (value === '') return { error: 'template format specified but no template given' }
  if (family.files.includes(format)) {
    const read = readTemplate(io, value)
    if ('error' in read) return { error: `error reading --template ${value}, ${read.error}` }
    value = read.text
  }
  const printer = family.build(value, format, flags)
  return 'error' in printer ? printer : { kind: 'object', printer }
}

/** CustomColumnsPrintFlags.ToPrinter (its template is --template when given). */
function columnsPrinter(io: Pick<KubectlIO, 'readFile'>, output: string, flags: GetPrintFlags): GetPrinter | { error: string } | typeof NO_MATCH {
  if (output === '') return NO_MATCH
  let format = output
  let value = ''
  if (flags.template === '') {
    const prefix = ['custom-columns-file', 'custom-columns'].find((f) => output.startsWith(`${f}=`))
    if (prefix) {
      value = output.slice(prefix.length + 1)
      format = prefix
    }
  } else value = flags.template
  if (format !== 'custom-columns' && format !== 'custom-columns-file') return NO_MATCH
  if (value === '') return { error: 'custom-columns format specified but no custom columns given' }
  let columns
  if (format === 'custom-columns-file') {
    const read = readTemplate(io, value)
    if ('error' in read) return { error: `error reading template ${value}, ${read.error}\n` }
    columns = columnsFromTemplate(read.text)
  } else columns = columnsFromSpec(value)
  if ('error' in columns) return columns
  return { kind: 'object', printer: customColumnsPrinter(columns, format === 'custom-columns' && flags.noHeaders) }
}

/** os.ReadFile / os.Open in Go's words (`open x: no such file or directory`). */
function readTemplate(io: Pick<KubectlIO, 'readFile'>, path: string): { text: string } | { error: string } {
  try {
    return { text: io.readFile(path) }
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'EISDIR') return { error: `read ${path}: is a directory` }
    return { error: `open ${path}: ${code === 'EACCES' ? 'permission denied' : 'no such file or directory'}` }
  }
}
