// `kubectl api-resources`, after kubectl pkg/cmd/apiresources/apiresources.go (v0.32.5): Complete (no
// arguments) -> Validate (-o '', wide or name; --sort-by '', name or kind) -> RunAPIResources (discovery's
// preferred resources, filtered by --api-group, --namespaced, --verbs and --categories when given, stably sorted
// by group (or the --sort-by field) then name, through kubectl's tabwriter).

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { Tabwriter } from '../../../gostd/tabwriter'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { flagNotYet, notYetError, type Command } from '../command'
import { usageError } from '../create/create-options'
import { discoveredResources, type APIResource } from './discovery'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'no-headers', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'api-group', type: 'string' },
  { long: 'namespaced', type: 'bool', defValue: true },
  { long: 'verbs', type: 'stringSlice' },
  { long: 'categories', type: 'stringSlice' },
  { long: 'sort-by', type: 'string' },
  // Discovery is never cached here: every run reads the engine.
  { long: 'cached', type: 'bool' },
]

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  group: 'Other Commands:',
  flags: FLAGS,
  help: HELP,
  run: runApiResources,
}

function runApiResources(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  // Complete.
  if (args.length !== 0) return fail(usageError('kubectl api-resources', `unexpected arguments: [${args.join(' ')}]`))
  // Validate.
  const output = (flags.output as string | undefined) ?? ''
  if (!['', 'wide', 'name'].includes(output)) return fail(`error: --output ${output} is not available\n`)
  const sortBy = (flags['sort-by'] as string | undefined) ?? ''
  if (!['', 'name', 'kind'].includes(sortBy)) return fail('error: --sort-by accepts only name or kind\n')

  // Run: a filter applies only when its flag was given (cmd.Flags().Changed).
  const group = flags['api-group'] as string | undefined
  const namespaced = flags.namespaced as boolean | undefined
  const verbs = (flags.verbs as string[] | undefined) ?? []
  const categories = (flags.categories as string[] | undefined) ?? []
  const resources = discoveredResources(io.engine).filter(
    (r) =>
      r.verbs.length > 0 &&
      (group === undefined || r.group === group) &&
      (namespaced === undefined || r.namespaced === namespaced) &&
      verbs.every((v) => r.verbs.includes(v)) &&
      categories.every((c) => r.categories.includes(c)),
  )
  const w = new Tabwriter()
  if (flags['no-headers'] !== true && output !== 'name') {
    w.write(`${['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t')}\n`)
  }
  for (const r of stableSort(resources, sortBy)) {
    if (output === 'name') w.write(`${r.group ? `${r.name}.${r.group}` : r.name}\n`)
    else {
      const cells = [r.name, r.shortNames.join(','), r.groupVersion, String(r.namespaced), r.kind]
      if (output === 'wide') cells.push(r.verbs.join(','), r.categories.join(','))
      w.write(`${cells.join('\t')}\n`)
    }
  }
  return ok(w.flush())
}

/** sort.Stable(sortableResource): by the --sort-by field (the group when none), then by name; Go compares bytes. */
function stableSort(resources: APIResource[], sortBy: string): APIResource[] {
  const key = (r: APIResource) => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group)
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return resources
    .map((r, i) => ({ r, i }))
    .sort((a, b) => compare(key(a.r), key(b.r)) || compare(a.r.name, b.r.name) || a.i - b.i)
    .map(({ r }) => r)
}
