// `kubectl create service (clusterip | externalname | loadbalancer | nodeport)`, after kubectl
// pkg/cmd/create/create_service.go (v0.32.5): alone it prints its help to stderr and fails
// (cmdutil.DefaultSubCommandRun), an unknown subcommand is a usage error.

import { goQuote } from '../../../../gostd/gofmt'
import { fail } from '../../../io'
import type { Command } from '../../command'
import { usageError } from '../create-options'
import { createServiceClusterIPCommand } from './clusterip/clusterip'
import { createServiceExternalNameCommand } from './externalname/externalname'
import { HELP } from './help'
import { createServiceLoadBalancerCommand } from './loadbalancer/loadbalancer'
import { createServiceNodePortCommand } from './nodeport/nodeport'

export const createServiceCommand: Command = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  group: '',
  flags: [],
  help: HELP,
  subcommands: [createServiceClusterIPCommand, createServiceExternalNameCommand, createServiceLoadBalancerCommand, createServiceNodePortCommand],
  run: (_io, args) => (args.length > 0 ? fail(usageError('kubectl create service', `unknown command ${goQuote(args.join(' '))}`)) : fail(HELP)),
}
