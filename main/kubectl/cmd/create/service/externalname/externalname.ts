// `kubectl create service externalname NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceExternalName (v0.32.5).

import type { Command } from '../../../command'
import { runCreateService, serviceFlags } from '../service-options'
import { HELP } from './help'

const FLAGS = serviceFlags({ long: 'external-name', type: 'string' })

export const createServiceExternalNameCommand: Command = {
  name: 'externalname',
  short: 'Create an ExternalName service',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runCreateService('ExternalName', 'kubectl create service externalname', FLAGS, io, args, flags, globals),
}
