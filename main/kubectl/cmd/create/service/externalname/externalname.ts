// `kubectl create service externalname NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceExternalName (v0.32.5).

import { serviceSubcommand } from '../service-options'
import { HELP } from './help'

export const createServiceExternalNameCommand = serviceSubcommand('externalname', 'ExternalName', 'Create an ExternalName service', HELP, [{ long: 'external-name', type: 'string' }])
