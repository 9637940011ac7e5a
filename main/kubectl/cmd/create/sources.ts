// Where `create configmap` and `create secret generic` take their keys from (kubectl pkg/util/util.go
// ParseLiteralSource/ParseFileSource, pkg/cmd/util/env_file.go AddFromEnvFile, and apimachinery's IsConfigMapKey /
// IsEnvVarName, v0.32.5), with kubectl's words for each refusal. Files are read through the KubectlIO; a
// directory (one key per file inside) is not supported by Podlab yet.

import type { KubectlIO } from '../../io'
import { goQuote } from '../../../gostd/gofmt'
import { notYetError } from '../command'

export interface Sources {
  literals: string[]
  files: string[]
  envFiles: string[]
}

/** A key and its value, in the order the flags give them (files, then literals, then env files, as kubectl adds them). */
export type Entry = { key: string; value: string; from: 'literal' | 'file' | 'env' }

/** How a kind reads its sources: the order (a Secret takes literals first) and its words for an env directory. */
export interface SourceOrder {
  literalsFirst: boolean
  /** The refusal of an env file that is a directory (`env config file cannot be a directory`). */
  envDirectory: string
}

/**
 * Hands each entry to `add` (which checks its key, returning kubectl's refusal) in the kind's order, env files
 * last. The first error as kubectl prints it (`error: ...\n`), or undefined.
 */
export function readEntries(io: KubectlIO, s: Sources, order: SourceOrder, add: (e: Entry) => string | undefined): string | undefined {
  const steps = order.literalsFirst ? [literals, files] : [files, literals]
  for (const step of steps) {
    const refused = step(io, s, add)
    if (refused) return refused
  }
  for (const path of s.envFiles) {
    const text = readText(io, path, `error: ${order.envDirectory}\n`)
    if (typeof text !== 'string') return text.error
    for (const line of envFileLines(text)) {
      const errs = envVarNameErrors(line.key)
      if (errs.length > 0) return `error: ${goQuote(line.key)} is not a valid key name: ${errs.join(';')}\n`
      const refused = add({ ...line, from: 'env' })
      if (refused) return refused
    }
  }
  return undefined
}

function files(io: KubectlIO, s: Sources, add: (e: Entry) => string | undefined): string | undefined {
  for (const source of s.files) {
    const parsed = parseFileSource(source)
    if ('error' in parsed) return parsed.error
    const text = readText(io, parsed.path, source.includes('=') ? 'error: cannot give a key name for a directory path\n' : notYetError('--from-file with a directory'))
    if (typeof text !== 'string') return text.error
    const refused = add({ key: parsed.key, value: text, from: 'file' })
    if (refused) return refused
  }
  return undefined
}

/** ParseLiteralSource: `key=value`, split at the first `=`. */
function literals(_io: KubectlIO, s: Sources, add: (e: Entry) => string | undefined): string | undefined {
  for (const source of s.literals) {
    const eq = source.indexOf('=')
    if (eq <= 0) return `error: invalid literal source ${source}, expected key=value\n`
    const refused = add({ key: source.slice(0, eq), value: source.slice(eq + 1), from: 'literal' })
    if (refused) return refused
  }
  return undefined
}

/** ParseFileSource: `path` (key = its base name) or `key=path`. */
function parseFileSource(source: string): { key: string; path: string } | { error: string } {
  const separators = source.split('=').length - 1
  if (separators === 0) return { key: source.replaceAll('\\', '/').split('/').filter(Boolean).at(-1) ?? '/', path: source }
  if (separators === 1 && source.startsWith('=')) return { error: `error: key name for file path ${source.slice(1)} missing\n` }
  if (separators === 1 && source.endsWith('=')) return { error: `error: file path for key name ${source.slice(0, -1)} missing\n` }
  if (separators > 1) return { error: "error: key names or file paths cannot contain '='\n" }
  const [key, path] = source.split('=') as [string, string]
  return { key, path }
}

/** The file's text, or os.Stat's error in kubectl's words (`directory`: what a directory gets). */
function readText(io: KubectlIO, path: string, directory: string): string | { error: string } {
  try {
    return io.readFile(path)
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'EISDIR') return { error: directory }
    return { error: `error: error reading ${path}: ${code === 'EACCES' ? 'permission denied' : 'no such file or directory'}\n` }
  }
}

/** AddFromEnvFile's lines: KEY=VALUE; blank lines and `#` comments skipped, leading blanks trimmed, a BOM dropped. */
function envFileLines(text: string): Array<{ key: string; value: string }> {
  const entries: Array<{ key: string; value: string }> = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const [i, raw] of lines.entries()) {
    // bufio.ScanLines drops a line's trailing \r.
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (i === 0) line = line.replace(/^\uFEFF/, '')
    line = line.replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    // A key without `=` takes kubectl's own environment variable: Podlab's kubectl has none, so it is empty.
    entries.push(eq < 0 ? { key: line, value: '' } : { key: line.slice(0, eq), value: line.slice(eq + 1) })
  }
  return entries
}

/** validation.RegexError. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

/** validation.IsEnvVarName. */
export function envVarNameErrors(value: string): string[] {
  const fmt = '[-._a-zA-Z][-._a-zA-Z0-9]*'
  const errs = new RegExp(`^${fmt}$`).test(value)
    ? []
    : [regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", fmt, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1')]
  return [...errs, ...chDirPrefixErrors(value)]
}

/** validation.IsConfigMapKey (ConfigMap and Secret keys). */
export function configMapKeyErrors(value: string): string[] {
  const fmt = '[-._a-zA-Z0-9]+'
  const errs: string[] = []
  if (value.length > 253) errs.push('must be no more than 253 characters')
  if (!new RegExp(`^${fmt}$`).test(value)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", fmt, 'key.name', 'KEY_NAME', 'key-name'))
  return [...errs, ...chDirPrefixErrors(value)]
}

/** The flags both read. */
export function sourcesOf(flags: Record<string, unknown>): Sources {
  return {
    literals: (flags['from-literal'] as string[] | undefined) ?? [],
    files: (flags['from-file'] as string[] | undefined) ?? [],
    envFiles: (flags['from-env-file'] as string[] | undefined) ?? [],
  }
}
