// One kubectl verb as cobra knows it (Use, Short, its group in `kubectl --help`, its flags and help text) and
// as kubectl runs it: Options -> complete -> validate -> run, behind `run`.

import type { FlagSpec, FlagValues } from '../../gostd/pflag'
import type { KubectlIO, KubectlResult } from '../io'

/** The root command's persistent flags, as every verb receives them. */
export interface Globals {
  /** kubeconfig's namespace, or -n. */
  namespace: string
  /** -n was given. */
  explicitNamespace: boolean
  /** cobra's ArgsLenAtDash: how many of the arguments came before `--` (-1 without one). */
  argsLenAtDash?: number
}

export interface Command {
  /** The first word of cobra's Use. */
  name: string
  /** cobra's Short, as `kubectl --help` lists it. */
  short: string
  /** The heading `kubectl --help` lists it under (templates.CommandGroups). */
  group: string
  /** Every flag the real verb has; those with `notYet` are refused with notYetError when given. */
  flags: FlagSpec[]
  /** `kubectl <name> --help`, as the real kubectl 1.32 prints it. */
  help: string
  /** cobra's Aliases (`deploy` for `create deployment`). */
  aliases?: readonly string[]
  /** Subcommands Podlab has (`create deployment`), found by the first argument that is not a flag. */
  subcommands?: readonly Command[]
  /** Subcommands the real kubectl has and Podlab does not yet, each with its aliases: they answer notYetMessage. */
  notYetSubcommands?: Readonly<Record<string, readonly string[]>>
  run(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult
  /** cobra's SetFlagErrorFunc: what a flag error prints and exits with, when not `See '<path> --help' for usage.` and 1. */
  flagError?(error: string): KubectlResult
}

/** The first flag Podlab does not honour yet that was given a value other than its default, as `-s/--long`. */
export function flagNotYet(specs: FlagSpec[], flags: FlagValues): string | undefined {
  for (const spec of specs) {
    if (!spec.notYet) continue
    const value = flags[spec.long]
    const unset = value === undefined || value === false || value === '' || value === spec.defValue || (Array.isArray(value) && value.length === 0)
    if (!unset) return spec.short ? `-${spec.short}/--${spec.long}` : `--${spec.long}`
  }
  return undefined
}

/** The one sentence for a real kubectl flag or value Podlab does not implement yet. */
export function notYetError(what: string): string {
  return `error: ${what} is not supported by Podlab yet\n`
}

/**
 * --field-manager's value: the one given, else the default the verb's flag declares (kubectl's: `kubectl-create`,
 * `kubectl-edit` ...; pkg/cmd/<verb>/<verb>.go, v0.32.5). The engine records the write under it in managedFields.
 */
export function fieldManagerFlag(specs: FlagSpec[], flags: FlagValues): string {
  const given = flags['field-manager']
  if (typeof given === 'string') return given
  const declared = specs.find((s) => s.long === 'field-manager')?.defValue
  return typeof declared === 'string' ? declared : 'kubectl'
}
