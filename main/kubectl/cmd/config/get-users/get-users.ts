// `kubectl config get-users`, after kubectl pkg/cmd/config/get_users.go (v0.32.5): NAME, then each user name
// (Podlab's kubeconfig has one, `podlab`).

import { ok } from '../../../io'
import type { Command } from '../../command'
import { PODLAB_CONTEXT } from '../kubeconfig'
import { HELP } from './help'

export const configGetUsersCommand: Command = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  group: '',
  flags: [],
  help: HELP,
  run: () => ok(`NAME\n${PODLAB_CONTEXT}\n`),
}
