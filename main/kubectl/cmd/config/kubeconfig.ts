// Podlab's kubeconfig: one cluster, user and context, all named `podlab` (the context issue 10's REST door writes
// for the real kubectl), with no credentials (the door on 127.0.0.1 needs none). The built-in kubectl reads it
// from its door (KubectlIO.kubeconfig): the console keeps one per session, so `kubectl config set-context
// --current --namespace=X` changes the namespace the session's later verbs use, as it would in a real kubeconfig.

import type { KubeconfigStore } from '../../io'

/** The name of Podlab's cluster, user and context. */
export const PODLAB_CONTEXT = 'podlab'

/**
 * The API server's URL when the door names none: kube-apiserver's default secure port on this machine. The
 * built-in kubectl reaches the engine directly; this is only what `config view` and `cluster-info` show.
 */
export const DEFAULT_SERVER = 'https://127.0.0.1:6443'

/** A kubeconfig kept in memory (a console session's): `server` in ms-free URL form, `namespace` '' for none. */
export function memoryKubeconfig(server = DEFAULT_SERVER, namespace = ''): KubeconfigStore {
  let current = namespace
  return {
    read: () => ({ server, namespace: current }),
    setNamespace(ns: string) {
      current = ns
    },
  }
}

/** The kubeconfig a door without one shows: its server is the default, and nothing can be changed. */
export function readKubeconfig(store: KubeconfigStore | undefined): { server: string; namespace: string } {
  return store?.read() ?? { server: DEFAULT_SERVER, namespace: '' }
}

/**
 * The kubeconfig as client-go's clientcmd/api/v1 Config serializes it (its Go field order, for -o json;
 * omitempty fields left out), as `kubectl config view` prints it.
 */
export function kubeconfigObject(config: { server: string; namespace: string }): Record<string, unknown> {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: [{ name: PODLAB_CONTEXT, cluster: { server: config.server } }],
    users: [{ name: PODLAB_CONTEXT, user: {} }],
    contexts: [{ name: PODLAB_CONTEXT, context: { cluster: PODLAB_CONTEXT, user: PODLAB_CONTEXT, ...(config.namespace ? { namespace: config.namespace } : {}) } }],
    'current-context': PODLAB_CONTEXT,
  }
}
