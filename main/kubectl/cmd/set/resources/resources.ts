// `kubectl set resources (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) [-c C] [--limits=R=Q,...]
// [--requests=R=Q,...]`, after kubectl pkg/cmd/set/set_resources.go and generate/versioned HandleResourceRequirementsV1
// (v0.32.5): the quantities merged into each selected container's limits and requests (in their canonical form),
// `resource requirements updated`.

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { parseQuantityExact, quantityString } from '../../../../gostd/quantity-canonical'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { podSpecOf, selectContainers } from '../pod-spec'
import { SET_FLAGS, runSet, setSettings } from '../set-flow'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  ...SET_FLAGS,
  { long: 'containers', short: 'c', type: 'string', defValue: '*' },
  { long: 'limits', type: 'string' },
  { long: 'requests', type: 'string' },
]

export const setResourcesCommand: Command = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runSetResources,
}

/** populateResourceListV1: `cpu=100m,memory=1Gi`, each quantity in its canonical string. */
function resourceList(spec: string): Record<string, string> | { error: string } {
  const out: Record<string, string> = {}
  if (spec === '') return out
  for (const statement of spec.split(',')) {
    const parts = statement.split('=')
    if (parts.length !== 2) return { error: `Invalid argument syntax ${statement}, expected <resource>=<value>` }
    const q = parseQuantityExact(parts[1]!)
    if (!q.ok) return { error: q.error }
    out[parts[0]!] = quantityString(q.quantity)
  }
  return out
}

function runSetResources(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const settings = setSettings(flags)
  if ('error' in settings) return fail(settings.error)
  const limitsFlag = (flags.limits as string | undefined) ?? ''
  const requestsFlag = (flags.requests as string | undefined) ?? ''
  if (!limitsFlag && !requestsFlag) return fail('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n')
  const limits = resourceList(limitsFlag)
  if ('error' in limits) return fail(`error: ${limits.error}\n`)
  const requests = resourceList(requestsFlag)
  if ('error' in requests) return fail(`error: ${requests.error}\n`)
  const pattern = (flags.containers as string | undefined) ?? '*'
  return runSet(
    {
      operation: 'resource requirements updated',
      apply(object) {
        for (const c of selectContainers(podSpecOf(object)?.containers ?? [], pattern)) {
          const r = (c.resources ??= {})
          if (Object.keys(limits).length > 0) r.limits = { ...r.limits, ...limits }
          if (Object.keys(requests).length > 0) r.requests = { ...r.requests, ...requests }
        }
        return { errors: [] }
      },
    },
    io,
    args,
    flags,
    globals,
    FLAGS,
  )
}
