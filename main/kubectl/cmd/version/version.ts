// `kubectl version`, after kubectl pkg/cmd/version/version.go (v0.32.5): Complete (no arguments) -> Validate
// (-o is '', yaml or json) -> Run (the client's version, kustomize's, then the server's unless --client; the
// skew warning when client and server minors are more than one apart, which Podlab's never are).

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { toYaml } from '../../../gostd/yaml'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import type { Command } from '../command'
import { HELP } from './help'
import { CLIENT_VERSION, KUSTOMIZE_VERSION, SERVER_VERSION } from './version-info'

const FLAGS: FlagSpec[] = [
  { long: 'client', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
]

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  group: 'Other Commands:',
  flags: FLAGS,
  help: HELP,
  run: runVersion,
}

function runVersion(_io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  // Complete: cmdutil.UsageErrorf is not used here; version.go returns a plain error.
  if (args.length !== 0) return fail(`error: extra arguments: [${args.join(' ')}]\n`)
  const output = (flags.output as string | undefined) ?? ''
  // Validate.
  if (output !== '' && output !== 'yaml' && output !== 'json') return fail("error: --output must be 'yaml' or 'json'\n")

  // Run: the Version struct's fields in its order; serverVersion is omitempty.
  const clientOnly = flags.client === true
  const version = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION, ...(clientOnly ? {} : { serverVersion: SERVER_VERSION }) }
  switch (output) {
    case 'yaml':
      // yaml.Marshal's document, then fmt.Fprintln adds one more newline.
      return ok(`${toYaml(version)}\n`)
    case 'json':
      // json.MarshalIndent(v, "", "  ") and a newline.
      return ok(`${JSON.stringify(version, null, 2)}\n`)
  }
  let text = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`
  if (!clientOnly) text += `Server Version: ${SERVER_VERSION.gitVersion}\n`
  return ok(text)
}
