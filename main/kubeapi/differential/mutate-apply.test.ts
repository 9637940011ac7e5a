// The differential harness (issue 10 §5), apply, create and replace: see ../testing/differential-steps.ts.
//
// `create configmap|secret|deployment|namespace|job` (protobuf bodies) and `apply --server-side` are in
// mutate-create-ssa.test.ts. Left out, and why: `apply -o yaml|json|name`
// (the built-in kubectl's apply does not print objects yet: it says so); `diff` (kubectl names its LIVE and MERGED
// folders with random numbers); `edit` (an editor); `expose` and `autoscale` (the door serves no Services or
// HorizontalPodAutoscalers, so kubectl's error is the API server's where the built-in one says plainly that Podlab
// does not simulate them yet); `run -i/-t` and `attach` (the exec helper's streams).

import { describeSteps } from '../testing/differential-steps'
import { DEPLOYMENT_JSON, MANIFESTS } from './manifests'

describeSteps(
  'apply, create, replace',
  [
    { args: ['apply', '-f', 'pod.yaml'] },
    { args: ['apply', '-f', 'pod.yaml'] },
    { args: ['apply', '-f', 'pod-relabelled.yaml'] },
    { args: ['apply', '-f', 'ghost.yaml', '--dry-run=server'] },
    { args: ['apply', '-f', '-'], stdin: DEPLOYMENT_JSON },
    { args: ['apply', '-f', 'bad.yaml'] },
    { args: ['apply', '-f', 'nope.yaml'] },
    { args: ['create', '-f', 'cfg.yaml'] },
    { args: ['create', '-f', 'cfg.yaml'] },
    { args: ['create', '-f', 'ghost.yaml', '--dry-run=server', '-o', 'name'] },
    { args: ['create', 'deployment', 'dry', '--image=nginx', '--dry-run=client', '-o', 'yaml'] },
    { args: ['create', 'configmap', 'dry', '--from-literal=k=v', '--dry-run=client', '-o', 'json'] },
    { args: ['run', 'runner', '--image=nginx:1.27', '--labels=app=runner,tier=web', '--port=80'] },
    { args: ['run', 'runner', '--image=nginx:1.27'] },
    { args: ['run', 'once', '--image=busybox', '--restart=Never', '--command', '--', 'sh', '-c', 'echo hi'] },
    { args: ['run', 'dry', '--image=nginx', '--dry-run=server', '-o', 'yaml'] },
    { args: ['run', 'dry', '--image=nginx', '--dry-run=client', '-o', 'json', '--env=A=1'] },
    { advance: 30_000 },
    { args: ['get', 'pods', '-o', 'wide'] },
    { args: ['replace', '-f', 'cfg-replaced.yaml'] },
    { args: ['replace', '-f', 'cfg-replaced.yaml', '--dry-run=server'] },
    { args: ['replace', '-f', 'ghost.yaml'] },
    { args: ['apply', '-f', 'cfg.yaml'] },
    {
      args: ['replace', '-f', 'pod.yaml', '--force'],
      waits: true,
      outputOnly: 'kubectl polls for the old pod every wall-clock second (wait.PollImmediate), so the new one is created at a virtual time that depends on how fast the clock is driven',
    },
  ],
  MANIFESTS,
)
