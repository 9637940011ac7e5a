// The kubeconfig a client needs for this door (client-go tools/clientcmd/api/v1 Config): one cluster, user and
// context, all named `podlab`, namespace default; a bearer token when the server requires one.

import { toYaml } from '../gostd/yaml'

/** The kubeconfig text for the API at `server` (`http://127.0.0.1:PORT`); `token` when one is required. */
export function kubeconfigText(server: string, token?: string): string {
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'podlab', cluster: { server } }],
    contexts: [{ name: 'podlab', context: { cluster: 'podlab', namespace: 'default', user: 'podlab' } }],
    'current-context': 'podlab',
    preferences: {},
    users: [{ name: 'podlab', user: token === undefined ? {} : { token } }],
  })
}
