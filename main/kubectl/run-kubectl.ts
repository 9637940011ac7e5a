// The built-in kubectl: argv in, what a terminal would show out. Each verb lives in cmd/<verb>/ as kubectl's
// does (Options -> complete -> validate -> run); this file only finds the command and parses its flags as cobra
// does, with cobra's wording for what it does not know, and answers -h/--help with the real help text.

import { applyCommand } from './cmd/apply/apply'
import type { Command } from './cmd/command'
import { deleteCommand } from './cmd/delete/delete'
import { getCommand } from './cmd/get/get'
import { KUBECTL_COMMANDS, notYetMessage } from './cmd/known-commands'
import { rootHelp } from './cmd/root-help'
import { parseFlags, type FlagSpec } from '../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from './io'

/** The commands Podlab's kubectl has, in the order `kubectl --help` lists them within a group. */
export const COMMANDS: readonly Command[] = [getCommand, deleteCommand, applyCommand]

/** Flags every kubectl command takes (the root command's persistent flags, and cobra's help flag). */
const GLOBAL_FLAGS: FlagSpec[] = [
  { long: 'namespace', short: 'n', type: 'string' },
  { long: 'help', short: 'h', type: 'bool' },
]

/** The namespace of the kubeconfig context Podlab's kubectl runs in. */
const CONTEXT_NAMESPACE = 'default'

export function runKubectl(args: string[], io: KubectlIO): KubectlResult {
  const at = commandIndex(args)
  if (at < 0) {
    // The root command: its help (cobra runs help when no subcommand is given), or a flag error.
    const parsed = parseFlags(args, GLOBAL_FLAGS)
    return parsed.ok ? ok(rootHelp(COMMANDS)) : fail(`error: ${parsed.error}\nSee 'kubectl --help' for usage.\n`)
  }
  const name = args[at]!
  if (name === 'help') return help(args.slice(at + 1).find((a) => !a.startsWith('-')))
  const command = COMMANDS.find((c) => c.name === name)
  if (!command && KUBECTL_COMMANDS.includes(name)) return fail(notYetMessage(name))
  if (!command) return fail(`error: unknown command ${JSON.stringify(name)} for "kubectl"\n`)

  const parsed = parseFlags([...args.slice(0, at), ...args.slice(at + 1)], [...GLOBAL_FLAGS, ...command.flags])
  if (!parsed.ok) return fail(`error: ${parsed.error}\nSee 'kubectl ${name} --help' for usage.\n`)
  if (parsed.flags.help === true) return ok(command.help)
  const explicitNamespace = typeof parsed.flags.namespace === 'string'
  const namespace = explicitNamespace ? (parsed.flags.namespace as string) : CONTEXT_NAMESPACE
  return command.run(io, parsed.args, parsed.flags, { namespace, explicitNamespace })
}

/** `kubectl help [COMMAND]`. */
function help(topic: string | undefined): KubectlResult {
  const command = COMMANDS.find((c) => c.name === topic)
  if (!command && topic !== undefined && KUBECTL_COMMANDS.includes(topic)) return fail(notYetMessage(topic))
  return ok(command ? command.help : rootHelp(COMMANDS))
}

/** The first argument that is neither a global flag nor a global flag's value. */
function commandIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-n' || a === '--namespace') i++
    else if (!a.startsWith('-')) return i
  }
  return -1
}
