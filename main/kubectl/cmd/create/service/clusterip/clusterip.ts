// `kubectl create service clusterip NAME`, after kubectl pkg/cmd/create/create_service.go NewCmdCreateServiceClusterIP (v0.32.5).

import { serviceSubcommand } from '../service-options'
import { HELP } from './help'

export const createServiceClusterIPCommand = serviceSubcommand('clusterip', 'ClusterIP', 'Create a ClusterIP service', HELP, [{ long: 'clusterip', type: 'string' }])
