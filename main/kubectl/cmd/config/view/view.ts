// `kubectl config view`, after kubectl pkg/cmd/config/view.go (v0.32.5): the merged kubeconfig, -o yaml (the
// default) or json. Podlab's kubeconfig has one context and no credentials, so --minify, --flatten, --raw and
// --merge print the same document.

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { toYaml } from '../../../../gostd/yaml'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../../io'
import { flagNotYet, notYetError, type Command } from '../../command'
import { kubeconfigObject, readKubeconfig } from '../kubeconfig'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true },
  { long: 'flatten', type: 'bool' },
  { long: 'merge', type: 'bool', defValue: true },
  { long: 'minify', type: 'bool' },
  { long: 'output', short: 'o', type: 'string', defValue: 'yaml' },
  { long: 'raw', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
]

export const configViewCommand: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runView,
}

function runView(io: KubectlIO, _args: string[], flags: FlagValues): KubectlResult {
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  const output = (flags.output as string | undefined) ?? 'yaml'
  const config = kubeconfigObject(readKubeconfig(io.kubeconfig))
  // printers.JSONPrinter indents by four spaces; the YAML printer prints the document as sigs.k8s.io/yaml does.
  if (output === 'json') return ok(`${JSON.stringify(config, null, 4)}\n`)
  if (output === 'yaml') return ok(toYaml(config))
  return fail(notYetError(`--output=${output}`))
}
