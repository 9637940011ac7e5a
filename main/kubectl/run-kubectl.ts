// The built-in kubectl: argv in, what a terminal would show out. Commands follow kubectl's structure (one file
// per verb, Options -> complete -> validate -> run); this file only finds the command and its flags, with
// cobra's wording for what it does not know.

import { APPLY_FLAGS, runApply } from './apply'
import { DELETE_FLAGS, runDelete } from './delete'
import { parseFlags, type FlagSpec, type FlagValues } from './flags'
import { GET_FLAGS, runGet } from './get'
import { fail, type KubectlIO, type KubectlResult } from './io'

/** Flags every kubectl command takes (the root command's persistent flags). */
const GLOBAL_FLAGS: FlagSpec[] = [{ long: 'namespace', short: 'n', type: 'string' }]

/** The namespace of the kubeconfig context Podlab's kubectl runs in. */
const CONTEXT_NAMESPACE = 'default'

interface Command {
  flags: FlagSpec[]
  run(io: KubectlIO, args: string[], flags: FlagValues, namespace: string, explicitNamespace: boolean): KubectlResult
}

const COMMANDS: Record<string, Command> = {
  get: { flags: GET_FLAGS, run: (io, args, flags, ns) => runGet(io, args, flags, ns) },
  apply: { flags: APPLY_FLAGS, run: (io, _args, flags, ns, explicit) => runApply(io, flags, ns, explicit) },
  delete: { flags: DELETE_FLAGS, run: (io, args, flags, ns, explicit) => runDelete(io, args, flags, ns, explicit) },
}

export function runKubectl(args: string[], io: KubectlIO): KubectlResult {
  const at = commandIndex(args)
  if (at < 0) return fail('error: Podlab\'s kubectl needs a command: get, apply or delete\n')
  const name = args[at]!
  const command = COMMANDS[name]
  if (!command) return fail(`error: unknown command ${JSON.stringify(name)} for "kubectl"\n`)

  const parsed = parseFlags([...args.slice(0, at), ...args.slice(at + 1)], [...GLOBAL_FLAGS, ...command.flags])
  if (!parsed.ok) return fail(`error: ${parsed.error}\nSee 'kubectl ${name} --help' for usage.\n`)
  const explicit = typeof parsed.flags.namespace === 'string'
  const namespace = explicit ? (parsed.flags.namespace as string) : CONTEXT_NAMESPACE
  return command.run(io, parsed.args, parsed.flags, namespace, explicit)
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
