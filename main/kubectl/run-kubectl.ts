// The built-in kubectl: argv in, what a terminal would show out. Each verb lives in cmd/<verb>/ as kubectl's
// does (Options -> complete -> validate -> run); this file only finds the command and parses its flags as cobra
// does, with cobra's wording for what it does not know, and answers -h/--help with the real help text.

import { annotateCommand } from './cmd/annotate/annotate'
import { applyCommand } from './cmd/apply/apply'
import { diffCommand } from './cmd/diff/diff'
import { attachCommand } from './cmd/attach/attach'
import { autoscaleCommand } from './cmd/autoscale/autoscale'
import { apiResourcesCommand } from './cmd/api-resources/api-resources'
import { apiVersionsCommand } from './cmd/api-versions/api-versions'
import { authCommand } from './cmd/auth/auth'
import { clusterInfoCommand } from './cmd/cluster-info/cluster-info'
import { configCommand } from './cmd/config/config'
import { createCommand } from './cmd/create/create'
import type { Command } from './cmd/command'
import { cordonCommand } from './cmd/cordon/cordon'
import { deleteCommand } from './cmd/delete/delete'
import { KUBECTL_COMMANDS, notYetMessage } from './cmd/known-commands'
import { describeCommand } from './cmd/describe/describe'
import { editCommand } from './cmd/edit/edit'
import { drainCommand } from './cmd/drain/drain'
import { execCommand } from './cmd/exec/exec'
import { exposeCommand } from './cmd/expose/expose'
import { explainCommand } from './cmd/explain/explain'
import { getCommand } from './cmd/get/get'
import { labelCommand } from './cmd/label/label'
import { logsCommand } from './cmd/logs/logs'
import { patchCommand } from './cmd/patch/patch'
import { replaceCommand } from './cmd/replace/replace'
import { rolloutCommand } from './cmd/rollout/rollout'
import { rootHelp } from './cmd/root-help'
import { runCommand } from './cmd/run/run'
import { scaleCommand } from './cmd/scale/scale'
import { setCommand } from './cmd/set/set'
import { taintCommand } from './cmd/taint/taint'
import { topCommand } from './cmd/top/top'
import { uncordonCommand } from './cmd/uncordon/uncordon'
import { versionCommand } from './cmd/version/version'
import { waitCommand } from './cmd/wait/wait'
import { parseFlags, type FlagSpec } from '../gostd/pflag'
import { checkGlobalFlags, GLOBAL_FLAGS, takesValue } from './global-flags'
import { fail, ok, type KubectlIO, type KubectlResult } from './io'

/** The commands Podlab's kubectl has, in the order `kubectl --help` lists them within a group. */
export const COMMANDS: readonly Command[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  autoscaleCommand,
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  attachCommand,
  execCommand,
  authCommand,
  diffCommand,
  applyCommand,
  patchCommand,
  replaceCommand,
  waitCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
]

/** The namespace of a kubeconfig context that sets none (clientcmd's DefaultClientConfig). */
const CONTEXT_NAMESPACE = 'default'

export function runKubectl(args: string[], io: KubectlIO): KubectlResult {
  const at = commandIndex(args)
  if (at < 0) {
    // The root command: its help (cobra runs help when no subcommand is given), or a flag error.
    const parsed = parseFlags(args, GLOBAL_FLAGS)
    if (!parsed.ok) return fail(`error: ${parsed.error}\nSee 'kubectl --help' for usage.\n`)
    return parsed.flags.help === true ? ok(rootHelp(COMMANDS)) : (checkGlobalFlags(parsed.flags) ?? ok(rootHelp(COMMANDS)))
  }
  const name = args[at]!
  if (name === 'help') return help(args.slice(at + 1).find((a) => !a.startsWith('-')))
  const command = COMMANDS.find((c) => c.name === name)
  if (!command && KUBECTL_COMMANDS.includes(name)) return fail(notYetMessage(name))
  if (!command) return fail(`error: unknown command ${JSON.stringify(name)} for "kubectl"\n`)

  const found = findSubcommand(command, [...args.slice(0, at), ...args.slice(at + 1)], `kubectl ${name}`)
  if ('notYet' in found) return fail(notYetMessage(found.notYet))
  // A command's own flag shadows the root's persistent one of that name, shorthand and all (config set-context's
  // --namespace has no -n).
  const globals = GLOBAL_FLAGS.filter((g) => !found.command.flags.some((f) => f.long === g.long || (g.short !== undefined && f.short === g.short)))
  const parsed = parseFlags(found.args, [...globals, ...found.command.flags])
  if (!parsed.ok) return found.command.flagError?.(parsed.error) ?? fail(`error: ${parsed.error}\nSee '${found.path} --help' for usage.\n`)
  if (parsed.flags.help === true) return ok(found.command.help)
  const refused = checkGlobalFlags(Object.fromEntries(globals.filter((g) => g.long in parsed.flags).map((g) => [g.long, parsed.flags[g.long]!])))
  if (refused) return refused
  const explicitNamespace = typeof parsed.flags.namespace === 'string'
  const namespace = explicitNamespace ? (parsed.flags.namespace as string) : io.kubeconfig?.read().namespace || CONTEXT_NAMESPACE
  return found.command.run(io, parsed.args, parsed.flags, { namespace, explicitNamespace, argsLenAtDash: parsed.argsLenAtDash })
}

type Found = { command: Command; args: string[]; path: string } | { notYet: string }

/**
 * cobra's Find below a command: its first argument that is not a flag (nor the value of one of its flags, as
 * stripFlags skips them) names a subcommand or an alias of one; that argument goes and the search goes on there.
 */
function findSubcommand(command: Command, args: string[], path: string): Found {
  if (!command.subcommands && !command.notYetSubcommands) return { command, args, path }
  const at = firstArgument(args, [...GLOBAL_FLAGS, ...command.flags])
  const word = at < 0 ? undefined : args[at]!
  const sub = command.subcommands?.find((c) => c.name === word || c.aliases?.includes(word ?? ''))
  if (sub) return findSubcommand(sub, [...args.slice(0, at), ...args.slice(at + 1)], `${path} ${sub.name}`)
  const notYet = Object.entries(command.notYetSubcommands ?? {}).find(([n, aliases]) => n === word || aliases.includes(word ?? ''))
  if (notYet) return { notYet: `${path.replace(/^kubectl /, '')} ${notYet[0]}` }
  return { command, args, path }
}

/** The index of the first argument that is neither a flag nor a flag's value (-1 when none, or only after `--`). */
function firstArgument(args: string[], flags: FlagSpec[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') return -1
    if (a.startsWith('--')) {
      if (!a.includes('=') && takesValue(flags.find((f) => f.long === a.slice(2)))) i++
    } else if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2 && takesValue(flags.find((f) => f.short === a[1]))) i++
    } else return i
  }
  return -1
}

/** `kubectl help [COMMAND]`. */
function help(topic: string | undefined): KubectlResult {
  const command = COMMANDS.find((c) => c.name === topic)
  if (!command && topic !== undefined && KUBECTL_COMMANDS.includes(topic)) return fail(notYetMessage(topic))
  return ok(command ? command.help : rootHelp(COMMANDS))
}

/** The first argument that is neither a global flag nor a global flag's value (`--context podlab get pods`: 2). */
function commandIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (!a.startsWith('-')) return i
    const spec = a.startsWith('--') ? GLOBAL_FLAGS.find((f) => f.long === a.slice(2)) : a.length === 2 ? GLOBAL_FLAGS.find((f) => f.short === a[1]) : undefined
    if (spec && !a.includes('=') && takesValue(spec)) i++
  }
  return -1
}
