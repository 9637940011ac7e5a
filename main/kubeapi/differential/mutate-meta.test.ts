// The differential harness (issue 10 §5), label, annotate and patch: see ../testing/differential-steps.ts.

import { describeSteps } from '../testing/differential-steps'

describeSteps('label, annotate, patch', [
  { args: ['label', 'pod', 'mynginx', 'tier=front'] },
  { args: ['label', 'pod', 'mynginx', 'tier=back'] },
  { args: ['label', 'pod', 'mynginx', 'tier=back', '--overwrite'] },
  { args: ['label', 'pods', '-l', 'app=web', 'team=blue'] },
  { args: ['label', 'pod', 'mynginx', 'tier-'] },
  { args: ['label', 'pod', 'mynginx', 'x=y', '--dry-run=server'] },
  { args: ['label', 'pod', 'mynginx', '--list'] },
  { args: ['label', 'nodes', 'podlab-worker', 'disk=ssd'] },
  { args: ['label', 'pod', 'nope', 'a=b'] },
  { args: ['annotate', 'pod', 'mynginx', 'note=hello world'] },
  { args: ['annotate', 'deployment', 'web', 'kubernetes.io/change-cause=bump'] },
  { args: ['annotate', 'pod', 'mynginx', 'note-'] },
  { args: ['annotate', 'pod', 'nope', 'a=b'] },
  { args: ['patch', 'pod', 'mynginx', '-p', '{"metadata":{"labels":{"patched":"yes"}}}'] },
  { args: ['patch', 'pod', 'mynginx', '--type', 'merge', '-p', '{"metadata":{"annotations":{"m":"1"}}}'] },
  { args: ['patch', 'pod', 'mynginx', '--type', 'json', '-p', '[{"op":"remove","path":"/metadata/labels/patched"}]'] },
  { args: ['patch', 'pod', 'mynginx', '--type', 'json', '-p', '[{"op":"remove","path":"/metadata/labels/nope"}]'] },
  { args: ['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":3}}', '--dry-run=server'] },
  { args: ['patch', 'pod', 'mynginx', '-p', '{"metadata":{"labels":{"patched":"yes"}}}'] },
  { args: ['patch', 'pod', 'mynginx', '-p', '{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}'] },
  { args: ['patch', 'pod', 'mynginx', '-p', '{"spec":{"nodeName":"elsewhere"}}'] },
  { args: ['patch', 'pod', 'mynginx', '-p', '{metadata:{labels:{z:1}}}'] },
  { args: ['patch', 'pod', 'mynginx', '--type', 'merge', '-p', '{"metadata":'] },
  { advance: 30_000 },
  { args: ['get', 'pods', '--show-labels'] },
])
