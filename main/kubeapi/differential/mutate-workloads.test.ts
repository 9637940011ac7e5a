// The differential harness (issue 10 §5), scale, set and rollout: see ../testing/differential-steps.ts.
//
// `rollout status` is compared on a finished rollout only: under way, kubectl prints a line per watch event it
// receives, which depends on how fast the virtual clock is driven against the wall clock.

import { describeSteps } from '../testing/differential-steps'

describeSteps('scale, set, rollout', [
  { args: ['scale', 'deployment', 'web', '--replicas=3'] },
  { args: ['scale', 'deployment', 'web', '--replicas=1', '--current-replicas=2'] },
  { args: ['scale', 'deployment/web', '--replicas=2', '--dry-run=server'] },
  { args: ['scale', 'replicaset', '--all', '--replicas=1', '--dry-run=client'] },
  { args: ['scale', 'job', 'pi', '--replicas=2'] },
  { args: ['set', 'image', 'deployment/web', 'nginx=nginx:1.29'] },
  { args: ['set', 'image', 'deployment/web', 'nosuch=nginx'] },
  { args: ['set', 'env', 'deployment/web', 'MODE=prod'] },
  { args: ['set', 'env', 'deployment/web', '--list'] },
  { args: ['set', 'resources', 'deployment', 'web', '--limits=cpu=200m,memory=128Mi', '--requests=cpu=100m'] },
  { args: ['set', 'image', 'deployment/web', 'nginx=nginx:1.27', '--dry-run=server'] },
  { advance: 120_000 },
  { args: ['rollout', 'status', 'deployment/web'] },
  { args: ['rollout', 'history', 'deployment/web'] },
  { args: ['rollout', 'history', 'deployment/web', '--revision=2'] },
  { args: ['rollout', 'undo', 'deployment/web', '--dry-run=server'] },
  { args: ['rollout', 'undo', 'deployment/web', '--to-revision=1', '--dry-run=client'] },
  { args: ['rollout', 'undo', 'deployment/web'] },
  { args: ['rollout', 'pause', 'deployment/web'] },
  { args: ['rollout', 'pause', 'deployment/web'] },
  { args: ['rollout', 'restart', 'deployment/web'] },
  { args: ['rollout', 'resume', 'deployment/web'] },
  { args: ['rollout', 'undo', 'deployment/web', '--to-revision=99'] },
  { args: ['rollout', 'history', 'job/pi'] },
  { args: ['rollout', 'status', 'job/pi'] },
  { args: ['rollout', 'undo', 'rs', '--all'] },
  { advance: 120_000 },
  { args: ['rollout', 'status', 'deployment/web'] },
  { args: ['rollout', 'history', 'deployment/web'] },
  { args: ['get', 'rs', '-o', 'wide'] },
  {
    args: ['rollout', 'restart', 'deployment/web'],
    outputOnly: "kubectl stamps kubectl.kubernetes.io/restartedAt with its own wall clock (time.Now() in objectrestarter.go), the built-in with the cluster's virtual one",
  },
])
