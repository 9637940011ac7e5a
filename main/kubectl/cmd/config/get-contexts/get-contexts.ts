// `kubectl config get-contexts [NAME...]`, after kubectl pkg/cmd/config/get_contexts.go (v0.32.5): a table of
// CURRENT NAME CLUSTER AUTHINFO NAMESPACE through kubectl's tabwriter, or the names alone with -o name; a name
// that is not a context is an error after the table (the header is already printed).

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { Tabwriter } from '../../../../gostd/tabwriter'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command } from '../../command'
import { PODLAB_CONTEXT, readKubeconfig } from '../kubeconfig'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'no-headers', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
]

export const configGetContextsCommand: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runGetContexts,
}

function runGetContexts(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const output = (flags.output as string | undefined) ?? ''
  if (output !== '' && output !== 'name') return fail(`error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format\n`)
  const { namespace } = readKubeconfig(io.kubeconfig)
  const names = args.length > 0 ? args : [PODLAB_CONTEXT]
  const missing = names.filter((n) => n !== PODLAB_CONTEXT)
  const shown = names.filter((n) => n === PODLAB_CONTEXT)

  const w = new Tabwriter()
  if (output === 'name') for (const name of shown) w.write(`${name}\n`)
  else {
    if (flags['no-headers'] !== true) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n')
    for (const name of shown) w.write(`*\t${name}\t${PODLAB_CONTEXT}\t${PODLAB_CONTEXT}\t${namespace}\n`)
  }
  const stdout = w.flush()
  // An aggregate of one "context %s not found" per missing name: checkErr prints one with "error: ", several
  // one a line (MultipleErrors).
  if (missing.length === 1) return fail(`error: context ${missing[0]} not found\n`, stdout)
  if (missing.length > 1) return fail(missing.map((n) => `context ${n} not found\n`).join(''), stdout)
  return ok(stdout)
}
