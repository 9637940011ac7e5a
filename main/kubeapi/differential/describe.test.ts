// The differential harness (issue 10 §5), `kubectl describe`: every served kind, and pods in every state the
// simulator makes (Running, CrashLoopBackOff, ImagePullBackOff, Pending unschedulable, Completed, OOMKilled, with
// probes), the real kubectl.1.32 against the REST door vs the built-in `podlab kubectl` on one engine.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScenario } from '../testing/differential-fixture'
import { KUBECTL_1_32, openSide, runBuiltIn, runReal, sayWhenSkipped, withoutClientAges, type Side } from '../testing/differential'

sayWhenSkipped('describe')

const CASES: string[][] = [
  ['describe', 'pod', 'mynginx'],
  ['describe', 'pod', 'crasher'],
  ['describe', 'pod', 'badimage'],
  ['describe', 'pod', 'toobig'],
  ['describe', 'pod', 'done'],
  ['describe', 'pod', 'oom'],
  ['describe', 'pod', 'probed'],
  ['describe', 'pod', 'probed', '--show-events=false'],
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
  ['describe', 'configmap', 'settings'],
  ['describe', 'configmaps', '-n', 'team'],
  ['describe', 'secret', 'creds'],
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

let side: Side
beforeAll(async () => {
  side = await openSide(buildScenario)
})
afterAll(async () => {
  await side?.close()
})

describe.skipIf(!KUBECTL_1_32).concurrent('kubectl describe: the real kubectl.1.32 and podlab kubectl print the same bytes (but the ages kubectl computes from its own clock)', () => {
  it.each(CASES.map((args) => ({ name: args.join(' '), args })))('kubectl $name', async ({ args }) => {
    const ours = runBuiltIn(side, args)
    const theirs = await runReal(side, args)
    expect({ ...ours, stdout: withoutClientAges(ours.stdout) }).toEqual({ ...theirs, stdout: withoutClientAges(theirs.stdout) })
  })
})
