// `kubectl create service loadbalancer NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceLoadBalancer (v0.32.5).

import type { Command } from '../../../command'
import { runCreateService, serviceFlags } from '../service-options'
import { HELP } from './help'

const FLAGS = serviceFlags()

export const createServiceLoadBalancerCommand: Command = {
  name: 'loadbalancer',
  short: 'Create a LoadBalancer service',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runCreateService('LoadBalancer', 'kubectl create service loadbalancer', FLAGS, io, args, flags, globals),
}
