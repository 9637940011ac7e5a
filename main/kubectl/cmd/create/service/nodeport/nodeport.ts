// `kubectl create service nodeport NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceNodePort (v0.32.5).

import { serviceSubcommand } from '../service-options'
import { HELP } from './help'

export const createServiceNodePortCommand = serviceSubcommand('nodeport', 'NodePort', 'Create a NodePort service', HELP, [{ long: 'node-port', type: 'int', defValue: 0 }])
