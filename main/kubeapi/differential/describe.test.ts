// The differential harness (issue 10 §5), `kubectl describe`: every served kind, and pods in every state the
// simulator makes (Running, CrashLoopBackOff, ImagePullBackOff, Pending unschedulable, Completed, OOMKilled, with
// probes), the real kubectl.1.32 against the REST door vs the built-in `podlab kubectl` on one engine.

import { describeCases } from '../testing/differential-cases'

const CASES: string[][] = [
  ['describe', 'pod', 'mynginx'],
  ['describe', 'pod', 'crasher'],
  ['describe', 'pod', 'badimage'],
  ['describe', 'pod', 'toobig'],
  ['describe', 'pod', 'done'],
  ['describe', 'pod', 'oom'],
  ['describe', 'pod', 'probed'],
  ['describe', 'pod', 'probed', '--show-events=false'],
  ['describe', 'pod', 'initing'],
  ['describe', 'pod', 'leaving'],
  ['describe', 'pods', '-l', 'app=web'],
  ['describe', 'pods', 'web'],
  ['describe', 'pod/mynginx', 'deploy/web'],
  ['describe', 'pods', '-n', 'kube-system', 'etcd-podlab-control-plane'],
  ['describe', 'deployment', 'web'],
  ['describe', 'replicasets'],
  ['describe', 'job', 'pi'],
  ['describe', 'node', 'podlab-worker'],
  ['describe', 'node', 'podlab-control-plane'],
  ['describe', 'namespace', 'team'],
  ['describe', 'namespace', 'default'],
  // One key each: kubectl ranges over a ConfigMap's or Secret's data map, so two keys print in Go's random map
  // order (`settings` and `creds` have two).
  ['describe', 'configmap', 'other', '-n', 'team'],
  ['describe', 'configmaps', '-n', 'team'],
  ['describe', 'secret', 'token', '-n', 'team'],
  ['describe', 'secrets', '-n', 'team'],
  ['describe', 'lease', '-n', 'kube-node-lease', 'podlab-worker'],
  ['describe', 'events', '--field-selector', 'involvedObject.name=crasher'],
  ['describe', 'events.events.k8s.io', '-n', 'default', 'toobig'],
  ['describe', 'pods.metrics.k8s.io', 'mynginx'],
  ['describe', 'nodes.metrics.k8s.io', 'podlab-worker'],
  // Nothing there, and errors.
  ['describe', 'pod', 'nope'],
  ['describe', 'pods', '-l', 'app=nothing'],
  ['describe', 'nosuchkind'],
  ['describe'],
  ['describe', 'pods', '-n', 'team'],
]

describeCases('kubectl describe', CASES, { clientAges: true })
