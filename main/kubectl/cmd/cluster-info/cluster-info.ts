// `kubectl cluster-info`, after kubectl pkg/cmd/clusterinfo/clusterinfo.go (v0.32.5): the API server's URL,
// then each Service labelled kubernetes.io/cluster-service=true in -n's namespace (kube-system by default) with
// its API server proxy link, then the dump hint. Arguments are ignored, as the real command ignores them.
// kubectl 1.32.5 prints no colours here, to a pipe or to a terminal (checked under a pty with TERM=xterm-256color).
//
// Podlab does not simulate Services yet; the one kind's cluster has that answers the selector, kube-dns
// (kubeadm's CoreDNS Service, kube-dns.json), is printed from its manifest, as it belongs to the coredns pods
// Podlab does run.

import type { FlagValues } from '../../../gostd/pflag'
import { ok, type KubectlIO, type KubectlResult } from '../../io'
import type { Command, Globals } from '../command'
import { readKubeconfig } from '../config/kubeconfig'
import { HELP } from './help'
import kubeDns from './kube-dns.json'

interface ClusterService {
  metadata: { name: string; namespace: string; labels: Record<string, string> }
  spec: { ports: Array<{ name: string; port: number }> }
}

/** The cluster services kind's cluster has, by namespace. */
const CLUSTER_SERVICES: readonly ClusterService[] = [kubeDns]

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  group: 'Cluster Management Commands:',
  flags: [],
  help: HELP,
  notYetSubcommands: { dump: [] },
  run: runClusterInfo,
}

function runClusterInfo(io: KubectlIO, _args: string[], _flags: FlagValues, globals: Globals): KubectlResult {
  // Complete: -n, else kube-system (not the kubeconfig's namespace).
  const namespace = globals.explicitNamespace && globals.namespace !== '' ? globals.namespace : 'kube-system'
  const host = readKubeconfig(io.kubeconfig).server
  let out = `Kubernetes control plane is running at ${host}\n`
  for (const service of CLUSTER_SERVICES.filter((s) => s.metadata.namespace === namespace)) {
    out += `${service.metadata.labels['kubernetes.io/name'] || service.metadata.name} is running at ${proxyLink(host, service)}\n`
  }
  return ok(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`)
}

/** The API server proxy URL of a ClusterIP service's first port: <scheme>:<name>:<port name> (utilnet.JoinSchemeNamePort). */
function proxyLink(host: string, service: ClusterService): string {
  let name = service.metadata.name
  const port = service.spec.ports[0]
  if (port) {
    // "guess if the scheme is https"
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : ''
    name = scheme ? `${scheme}:${name}:${port.name}` : port.name ? `${name}:${port.name}` : name
  }
  return `${host}/api/v1/namespaces/${service.metadata.namespace}/services/${name}/proxy`
}
