// `kubectl create service nodeport NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceNodePort (v0.32.5).

import type { Command } from '../../../command'
import { runCreateService, serviceFlags } from '../service-options'
import { HELP } from './help'

const FLAGS = serviceFlags({ long: 'node-port', type: 'int', defValue: 0 })

export const createServiceNodePortCommand: Command = {
  name: 'nodeport',
  short: 'Create a NodePort service',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runCreateService('NodePort', 'kubectl create service nodeport', FLAGS, io, args, flags, globals),
}
