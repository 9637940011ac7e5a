// `podlab serve`'s Kubernetes API: the REST door served for the cluster file (main/kubeapi/served.ts) behind the
// web host's guards (the DNS-rebinding Host check always; off loopback, `Authorization: Bearer TOKEN`).

import type { IncomingMessage } from 'node:http'
import type { Engine } from '../engine'
import type { Status } from '../kube'
import { hostAdmission, refusal, serveKubeApi as serveFor, type ServedKubeApi } from '../kubeapi/served'
import { TokenGate } from './web/auth'

export { kubeconfigPaths, kubeconfigServer, readServedApi, writeKubeconfig, type KubeconfigPaths, type ServedApi, type ServedKubeApi } from '../kubeapi/served'

/**
 * The door's admission: the Host check (hostAdmission) and, when `token` is set, the token (401 Unauthorized, the API server's `Unauthorized`): in
 * `Authorization: Bearer TOKEN`, or as the first segment of the path, which it then strips. kubectl sends a
 * kubeconfig's token only over TLS (clientcmd applies user credentials to TLS transports alone), and this door
 * speaks plain HTTP: its kubeconfig carries the token in the server address instead, which kubectl keeps in front
 * of every path (kubectl-wire.md §0.1).
 */
export function kubeApiAdmission(host: string, token: string | undefined): (req: IncomingMessage) => Status | undefined {
  const checkHost = hostAdmission(host)
  const gate = token === undefined ? undefined : new TokenGate(token, 'podlab-api-token')
  return (req) => {
    const wrongHost = checkHost(req)
    if (wrongHost) return wrongHost
    if (!gate) return undefined
    const authorization = req.headers.authorization
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined
    if (gate.matches(bearer)) return undefined
    const url = req.url ?? '/'
    const end = url.slice(1).search(/[/?]/)
    const segment = end < 0 ? url.slice(1) : url.slice(1, end + 1)
    let decoded: string | undefined
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      decoded = undefined
    }
    if (!gate.matches(decoded)) return refusal(401, 'Unauthorized', 'Unauthorized')
    const rest = url.slice(segment.length + 1)
    req.url = rest.startsWith('/') ? rest : `/${rest}`
    return undefined
  }
}

/**
 * Starts the API for `clusterFile`'s engine on `host:port` behind kubeApiAdmission, and writes its kubeconfig and
 * the serve record in `dir` (see main/kubeapi/served.ts). Rejects when it cannot.
 */
export function serveKubeApi(options: { engine: Engine; host: string; port: number; token?: string; clusterFile: string; dir: string }): Promise<ServedKubeApi> {
  return serveFor({ ...options, admit: kubeApiAdmission(options.host, options.token) })
}
