// The differential harness (issue 10 §5), `kubectl get`: every served kind and every -o, selectors and the table
// flags, the real kubectl.1.32 against the REST door vs the built-in `podlab kubectl` on the same engine at the
// same virtual time (read-only: one cluster serves both). Byte-identical stdout, stderr and exit code.

import { describe, expect, it } from 'vitest'
import { describeCases } from '../testing/differential-cases'

/** Every resource the engine serves, by the name a learner types: a new served kind must join this list. */
const KINDS = [
  'pods',
  'nodes',
  'namespaces',
  'events',
  'configmaps',
  'secrets',
  'deployments',
  'replicasets',
  'jobs',
  'events.events.k8s.io',
  'leases',
  'pods.metrics.k8s.io',
  'nodes.metrics.k8s.io',
]

const OUTPUTS = [
  [],
  ['-o', 'wide'],
  ['-o', 'yaml'],
  ['-o', 'json'],
  ['-o', 'name'],
  ['-o', 'jsonpath={.items[*].metadata.name}'],
  ['-o', 'jsonpath-as-json={.items[*].metadata.name}'],
  ['-o', 'custom-columns=NAME:.metadata.name,NS:.metadata.namespace,RV:.metadata.resourceVersion'],
  ['-o', 'go-template={{range .items}}{{.metadata.name}} {{.kind}}{{"\\n"}}{{end}}'],
  ['--no-headers'],
  ['--show-labels'],
  ['-A'],
]

const CASES: string[][] = [
  ...KINDS.flatMap((kind) => OUTPUTS.map((o) => ['get', kind, ...o])),
  // One object by name, and the ways of naming it.
  ['get', 'pod', 'mynginx'],
  ['get', 'pod/mynginx', 'deploy/web'],
  ['get', 'pods', 'mynginx', 'probed', '-o', 'wide'],
  ['get', 'pod', 'mynginx', '-o', 'yaml'],
  ['get', 'pod', 'mynginx', '-o', 'jsonpath={.status.containerStatuses[0].state}'],
  ['get', 'pod', 'mynginx', '-o', 'go-template={{.metadata.name}}: {{.status.phase}}'],
  ['get', 'pods,deployments', '-o', 'name'],
  ['get', 'node', 'podlab-worker', '-o', 'json'],
  ['get', 'namespace', 'team', '--show-labels'],
  ['get', 'secret', 'creds', '-o', 'yaml'],
  ['get', 'configmap', 'other', '-n', 'team'],
  // Selectors.
  ['get', 'pods', '-l', 'app=web'],
  ['get', 'pods', '-l', 'app!=web', '-o', 'name'],
  ['get', 'pods', '-l', 'run in (mynginx,oom)'],
  ['get', 'pods', '-l', '!app'],
  ['get', 'pods', '--field-selector', 'status.phase=Running'],
  ['get', 'pods', '--field-selector', 'spec.nodeName=podlab-worker2', '-A'],
  ['get', 'pods', '--field-selector', 'status.phase!=Running,metadata.name!=toobig'],
  ['get', 'events', '--field-selector', 'involvedObject.name=mynginx'],
  ['get', 'events', '--field-selector', 'type=Warning', '-A'],
  ['get', 'nodes', '-l', 'node-role.kubernetes.io/control-plane'],
  // Table flags.
  ['get', 'pods', '-L', 'run'],
  ['get', 'pods', '-L', 'run,app', '--show-labels'],
  ['get', 'pods', '--sort-by', '.metadata.name'],
  ['get', 'pods', '--sort-by', '{.status.startTime}', '-o', 'name'],
  ['get', 'pods', '-A', '--sort-by', '.metadata.creationTimestamp'],
  ['get', 'pods', '--show-kind'],
  ['get', 'pods', '-o', 'wide', '--no-headers', '-A'],
  ['get', 'nodes', '-o', 'custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu,TAINTS:.spec.taints[*].key'],
  ['get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}'],
  ['get', 'pods', '-o', 'jsonpath={.items[?(@.status.phase=="Pending")].metadata.name}'],
  // all.
  ['get', 'all'],
  ['get', 'all', '-A'],
  ['get', 'all', '-o', 'name'],
  ['get', 'all', '-n', 'team'],
  ['get', 'all', '-l', 'app=web'],
  // Nothing there, and errors.
  ['get', 'pods', '-n', 'team'],
  ['get', 'pods', '-l', 'app=nothing'],
  ['get', 'pod', 'nope'],
  ['get', 'pod', 'nope', '--ignore-not-found'],
  ['get', 'pods', 'mynginx', 'nope'],
  ['get', 'nosuchkind'],
  ['get', 'pods', '-l', 'a=(b'],
  ['get', 'pods', '--field-selector', 'spec.nosuch=x'],
  ['get', 'pods', '-o', 'nosuch'],
  ['get', 'pods', '-o', 'jsonpath={.items[0'],
  ['get', 'pods', '--sort-by', '.nosuch'],
  ['get', 'deployment', 'web', 'nope', '-o', 'name'],
  ['get'],
]

const side = describeCases('kubectl get', [
  ...CASES,
  // Without the server's Table kubectl ages objects from its own wall clock, not the cluster's virtual one.
  { args: ['get', 'pods', '--server-print=false'], clientAges: true },
  { args: ['get', 'nodes', '--server-print=false', '-o', 'wide'], clientAges: true },
])

describe('the harness covers every kind the engine serves', () => {
  it('lists each served resource in KINDS', () => {
    const served = side().engine.resources().map((r) => (r.group === '' ? r.resource : `${r.resource}.${r.group}`))
    // `deployments` stands for deployments.apps; a plural two groups serve is named with its group.
    for (const resource of served) expect(KINDS.includes(resource) || KINDS.includes(resource.split('.')[0] as string), `${resource} is served but not in KINDS`).toBe(true)
  })
})
