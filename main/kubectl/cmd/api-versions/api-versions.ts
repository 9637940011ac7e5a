// `kubectl api-versions`, after kubectl pkg/cmd/apiresources/apiversions.go (v0.32.5): every group/version the
// server serves (discovery.ServerGroups' versions), sorted as sort.Strings sorts them, one a line.

import type { FlagValues } from '../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import type { Command } from '../command'
import { usageError } from '../create/create-options'
import { discoveredResources } from '../api-resources/discovery'
import { HELP } from './help'

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  group: 'Other Commands:',
  flags: [],
  help: HELP,
  run: runApiVersions,
}

function runApiVersions(io: KubectlIO, args: string[], _flags: FlagValues): KubectlResult {
  if (args.length !== 0) return fail(usageError('kubectl api-versions', `unexpected arguments: [${args.join(' ')}]`))
  const versions = [...new Set(discoveredResources(io.engine).map((r) => r.groupVersion))]
  versions.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return ok(versions.map((v) => `${v}\n`).join(''))
}
