// `kubectl create service loadbalancer NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceLoadBalancer (v0.32.5).

import { serviceSubcommand } from '../service-options'
import { HELP } from './help'

export const createServiceLoadBalancerCommand = serviceSubcommand('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service', HELP, [])
