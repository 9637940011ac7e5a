// `kubectl config get-clusters` and `get-users`, after kubectl pkg/cmd/config/get_clusters.go and get_users.go
// (v0.32.5): NAME, then each name (Podlab's kubeconfig has one of each, `podlab`).

import { ok } from '../../../io'
import type { Command } from '../../command'
import { PODLAB_CONTEXT } from '../kubeconfig'
import { HELP } from './help'

export const configGetClustersCommand: Command = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  group: '',
  flags: [],
  help: HELP,
  run: () => ok(`NAME\n${PODLAB_CONTEXT}\n`),
}
