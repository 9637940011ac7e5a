// The kubeconfig a client needs for this door (client-go tools/clientcmd/api/v1 Config): one cluster, user and
// context, all named `podlab`, namespace default. The user has no credentials: over plain HTTP kubectl would not
// send them (a required token rides in the server address, see main/host/kubeapi-serve.ts).
// The cluster says `insecure-skip-tls-verify: true`: @kubernetes/client-node refuses an http:// server without it
// (config.ts createAgent: "HTTP protocol is not allowed when skipTLSVerify is not set or false"), and kubectl
// ignores it for plain HTTP (there is no TLS to verify; clientcmd only refuses it beside a certificate authority).

import { toYaml } from '../gostd/yaml'

/** The kubeconfig text for the API at `server` (`http://127.0.0.1:PORT`, with a path when the server wants one). */
export function kubeconfigText(server: string): string {
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'podlab', cluster: { 'insecure-skip-tls-verify': true, server } }],
    contexts: [{ name: 'podlab', context: { cluster: 'podlab', namespace: 'default', user: 'podlab' } }],
    'current-context': 'podlab',
    preferences: {},
    users: [{ name: 'podlab', user: {} }],
  })
}
