// The differential harness (issue 10 §5), `kubectl exec POD -- CMD` (plain, no -i/-t; exec -it and attach are the
// real-kubectl tests in remotecommand/). kubectl 1.32 speaks v5.channel.k8s.io over WebSocket to the door. Each exec
// changes the container (a recorded command), so they run on a pair.

import { describeSteps } from '../testing/differential-steps'

describeSteps(
  'exec',
  [
    { args: ['exec', 'mynginx', '--', 'ls', '/'] },
    { args: ['exec', 'mynginx', '-c', 'nginx', '--', 'cat', '/etc/hostname'] },
    { args: ['exec', 'mynginx', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'] },
    // Left out: `exec -- nosuchcommand`. Over WebSocket the door words the runtime's refusal as kube-apiserver 1.32's
    // StreamTranslator does by its source (NewInternalError around the kubelet's InternalError: "Internal error
    // occurred: Internal error occurred: ..."), while the built-in kubectl prints the prefix once, as public reports
    // of SPDY-era clusters show it; neither is checked against a live 1.32 cluster yet (remotecommand/ tests pin
    // each side).
    { args: ['exec', 'deploy/web', '--', 'nginx', '-v'] },
    { args: ['exec', 'done', '--', 'ls'] },
    { args: ['exec', 'toobig', '--', 'ls'] },
    { args: ['exec', 'nope', '--', 'ls'] },
    { args: ['exec', 'mynginx', '-c', 'nope', '--', 'ls'] },
    { args: ['exec', 'mynginx', '--', 'sh', '-c', 'kill 1'] },
    { advance: 30_000 },
    { args: ['get', 'pod', 'mynginx'] },
  ],
  {},
)
