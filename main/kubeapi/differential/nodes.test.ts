// The differential harness (issue 10 §5), the node verbs: cordon, uncordon, drain, taint, with their server dry
// runs, on a node added by `kubectl apply` and a pod pinned to it (drain evicts pods concurrently and prints each as
// its goroutine gets to it, so a drained node holds one pod that may go: the order of two would be the runtime's).
// See ../testing/differential-steps.ts.

import type { HostEngine } from '../../engine'
import { describeSteps } from '../testing/differential-steps'
import { MANIFESTS } from './manifests'

/** The pod `name` (of default) is being deleted, or gone. */
const evicted = (name: string) => (engine: HostEngine) => {
  try {
    return engine.get('pods', 'default', name).metadata.deletionTimestamp !== undefined
  } catch {
    return true
  }
}

describeSteps(
  'cordon, uncordon, drain, taint',
  [
    { args: ['apply', '-f', 'node.yaml'] },
    { advance: 30_000 },
    { args: ['apply', '-f', 'pinned.yaml'] },
    { advance: 30_000 },
    { args: ['get', 'nodes', '-o', 'wide'] },
    { args: ['cordon', 'podlab-extra', '--dry-run=server'] },
    { args: ['cordon', 'podlab-extra'] },
    { args: ['cordon', 'podlab-extra'] },
    { args: ['uncordon', 'podlab-extra', '--dry-run=server'] },
    { args: ['uncordon', 'podlab-extra'] },
    { args: ['cordon', '-l', 'pool=extra', '--dry-run=client'] },
    { args: ['cordon', 'nope'] },
    { args: ['cordon', 'pod/mynginx'] },
    { args: ['drain', 'podlab-extra'] },
    { args: ['uncordon', 'podlab-extra'] },
    { args: ['drain', 'podlab-extra', '--ignore-daemonsets', '--force', '--dry-run=server'] },
    { args: ['drain', 'podlab-extra', '--ignore-daemonsets', '--force', '--dry-run=client'] },
    { args: ['uncordon', 'podlab-extra'] },
    // The clock is driven from the eviction on (the cordon's PATCH comes first), as the built-in kubectl runs it.
    { args: ['drain', 'podlab-extra', '--ignore-daemonsets', '--force'], waits: evicted('pinned') },
    { args: ['get', 'pods', '-A', '--field-selector', 'spec.nodeName=podlab-extra'] },
    { args: ['uncordon', 'podlab-extra'] },
    { args: ['taint', 'nodes', 'podlab-extra', 'dedicated=ml:NoSchedule'] },
    { args: ['taint', 'nodes', 'podlab-extra', 'dedicated=ml:NoSchedule'] },
    { args: ['taint', 'nodes', 'podlab-extra', 'dedicated=gpu:NoSchedule', '--overwrite'] },
    { args: ['taint', 'nodes', 'podlab-extra', 'x=y:NoExecute', '--dry-run=server'] },
    { args: ['taint', 'nodes', 'podlab-extra', 'dedicated:NoSchedule-'] },
    { args: ['taint', 'nodes', 'podlab-extra', 'dedicated-'] },
    { args: ['taint', 'nodes', '-l', 'pool=extra', 'team=a:PreferNoSchedule'] },
    { args: ['taint', 'nodes', 'podlab-extra', 'bad'] },
    { args: ['taint', 'nodes', 'nope', 'a=b:NoSchedule'] },
    { args: ['describe', 'node', 'podlab-extra', '--show-events=false'], outputOnly: 'describe ages are the client\'s own (see describe.test.ts); this run only checks the taints and conditions reach it' },
  ],
  MANIFESTS,
)
