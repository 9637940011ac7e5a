// `kubectl create service clusterip NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceClusterIP (v0.32.5).

import type { Command } from '../../../command'
import { runCreateService, serviceFlags } from '../service-options'
import { HELP } from './help'

const FLAGS = serviceFlags({ long: 'clusterip', type: 'string' })

export const createServiceClusterIPCommand: Command = {
  name: 'clusterip',
  short: 'Create a ClusterIP service',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runCreateService('ClusterIP', 'kubectl create service clusterip', FLAGS, io, args, flags, globals),
}
