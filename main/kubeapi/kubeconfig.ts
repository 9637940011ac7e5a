// The kubeconfig a client needs for this door (client-go tools/clientcmd/api/v1 Config): one cluster, user and
// context, all named `podlab`, namespace default. The user has no credentials: over plain HTTP kubectl would not
// send them (a required token rides in the server address, see main/host/kubeapi-serve.ts).

import { toYaml } from '../gostd/yaml'

/** The kubeconfig text for the API at `server` (`http://127.0.0.1:PORT`, with a path when the server wants one). */
export function kubeconfigText(server: string): string {
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'podlab', cluster: { server } }],
    contexts: [{ name: 'podlab', context: { cluster: 'podlab', namespace: 'default', user: 'podlab' } }],
    'current-context': 'podlab',
    preferences: {},
    users: [{ name: 'podlab', user: {} }],
  })
}
