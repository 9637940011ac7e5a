// The kubeconfig of `podlab kubectl`: kept in the cluster file (HostEngine.cliKubeconfig), as a real kubectl keeps
// ~/.kube/config between runs, so `podlab kubectl config set-context --current --namespace=dev` lasts for the
// next `podlab kubectl get pods`. Its server is the default one (the built-in kubectl reaches the engine directly).

import type { HostEngine } from '../engine'
import type { KubeconfigStore } from '../kubectl/io'
import { DEFAULT_SERVER } from '../kubectl/cmd/config/kubeconfig'

export function fileKubeconfig(engine: HostEngine): KubeconfigStore {
  return {
    read: () => ({ server: DEFAULT_SERVER, namespace: engine.cliKubeconfig().namespace }),
    setNamespace: (namespace) => engine.setCliKubeconfig({ namespace }),
  }
}
