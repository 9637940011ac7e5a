// Tab completion for the console, as kubectl's own shell completion offers it (`kubectl completion bash`, cobra's
// __complete): the console's commands first, then kubectl's verbs and subcommands, flags after `-`, resource
// types, then the names of the objects of that type in the namespace the line names (-n) or `default`,
// `TYPE/NAME` after a slash, namespaces after -n, nodes after cordon/drain/taint. Only what the line's last word
// could become is offered.

import type { Engine } from '../../engine'
import type { Command } from '../../kubectl/cmd/command'
import { COMMANDS } from '../../kubectl/run-kubectl'

/** What Tab offers: the candidates for the word that starts at `from` (an index into the line). */
export interface Completion {
  from: number
  candidates: string[]
}

const CONSOLE_COMMANDS = ['kubectl', 'k', 'watch', 'echo', 'clear', 'help', 'grep', 'head', 'tail', 'wc', 'cat']

/** Verbs whose first argument is a resource type (`get pods`), and those that take pod or node names at once. */
const TAKES_TYPE = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'explain', 'rollout', 'wait', 'set'])
const TAKES_POD = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp'])
const TAKES_NODE = new Set(['cordon', 'uncordon', 'drain', 'taint'])

/** The words of `text` as a shell splits them (quotes kept simple), and where the last one starts. */
function words(text: string): { words: string[]; lastFrom: number } {
  const out: string[] = []
  let current = ''
  let start = 0
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === quote) quote = undefined
      else current += c
    } else if (c === '"' || c === "'") quote = c
    else if (c === ' ' || c === '\t') {
      if (current !== '' || (i > 0 && text[i - 1] !== ' ')) out.push(current)
      current = ''
      start = i + 1
    } else current += c
  }
  out.push(current)
  return { words: out.filter((w, i) => w !== '' || i === out.length - 1), lastFrom: start }
}

function matching(prefix: string, options: Iterable<string>): string[] {
  return [...new Set([...options].filter((o) => o.startsWith(prefix)))].sort()
}

/** The candidates for the end of `line` (the text before the cursor). Never throws: an engine failure offers nothing. */
export function complete(engine: Engine, line: string): Completion {
  // Completion works on the last command of a pipeline or list.
  const segment = line.split(/\|\||&&|[|;]/).at(-1) ?? ''
  const offset = line.length - segment.length
  const { words: ws, lastFrom } = words(segment)
  const from = offset + lastFrom
  const word = ws.at(-1) ?? ''
  const before = ws.slice(0, -1)
  try {
    return { from, candidates: candidates(engine, before, word) }
  } catch {
    return { from, candidates: [] }
  }
}

function candidates(engine: Engine, before: string[], word: string): string[] {
  if (before.length === 0) return matching(word, CONSOLE_COMMANDS)
  const [first, ...args] = before
  if (first === 'watch') return candidates(engine, args.filter((a) => !a.startsWith('-')), word)
  if (first !== 'kubectl' && first !== 'k') return []
  const namespace = namespaceOf(args)
  const previous = args.at(-1)
  if (previous === '-n' || previous === '--namespace') return matching(word, names(engine, 'namespaces', undefined))
  const positional = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-n' && args[i - 1] !== '--namespace')
  const [verbName, ...rest] = positional
  if (verbName === undefined) return word.startsWith('-') ? matching(word, ['--namespace', '--help']) : matching(word, COMMANDS.map((c) => c.name))
  const command = COMMANDS.find((c) => c.name === verbName)
  if (!command) return []
  if (word.startsWith('-')) return matching(word, flagsOf(command, rest))
  const sub = command.subcommands?.find((c) => c.name === rest[0] || c.aliases?.includes(rest[0] ?? ''))
  if (command.subcommands && rest.length === 0) return matching(word, command.subcommands.map((c) => c.name))
  if (sub) return []
  if (TAKES_POD.has(command.name)) return rest.length === 0 ? matching(word, names(engine, 'pods', namespace)) : []
  if (TAKES_NODE.has(command.name)) return rest.length === 0 ? matching(word, names(engine, 'nodes', undefined)) : []
  if (!TAKES_TYPE.has(command.name)) return []
  if (word.includes('/')) {
    const [type = '', prefix] = word.split('/', 2)
    const ref = resourceFor(engine, type)
    return ref ? matching(word, names(engine, ref.resource, ref.namespaced ? namespace : undefined).map((n) => `${type}/${n}`)).filter((c) => c.startsWith(`${type}/${prefix}`)) : []
  }
  if (rest.length === 0) return matching(word, typeWords(engine))
  const ref = resourceFor(engine, rest[0]!)
  return ref ? matching(word, names(engine, ref.resource, ref.namespaced ? namespace : undefined)) : []
}

function flagsOf(command: Command, rest: string[]): string[] {
  const sub = command.subcommands?.find((c) => c.name === rest[0])
  return [...(sub ?? command).flags.map((f) => `--${f.long}`), '--namespace', '--help']
}

function namespaceOf(args: string[]): string {
  const at = args.findIndex((a) => a === '-n' || a === '--namespace')
  const inline = args.find((a) => a.startsWith('--namespace='))
  return (at >= 0 ? args[at + 1] : inline?.slice('--namespace='.length)) || 'default'
}

function typeWords(engine: Engine): string[] {
  return engine.resources().flatMap((r) => [r.resource, ...(r.singular ? [r.singular] : []), ...(r.shortNames ?? [])])
}

function resourceFor(engine: Engine, type: string) {
  const t = type.toLowerCase()
  return engine.resources().find((r) => r.resource === t || r.singular === t || r.shortNames?.includes(t) || `${r.resource}.${r.group}` === t)
}

function names(engine: Engine, resource: string, namespace: string | undefined): string[] {
  const ref = resourceFor(engine, resource)
  if (!ref) return []
  return engine.list(ref.resource, ref.namespaced ? namespace : undefined, {}, ref.group).items.map((o) => o.metadata.name ?? '')
}
