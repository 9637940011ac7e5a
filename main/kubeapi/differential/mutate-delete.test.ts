// The differential harness (issue 10 §5), wait and delete: see ../testing/differential-steps.ts. A delete waits
// for the objects to go: the built-in kubectl runs its manual clock in 1 s steps meanwhile, and the real one's
// cluster is driven the same way once the DELETE landed (`waits`).

import { describeSteps } from '../testing/differential-steps'
import { MANIFESTS } from './manifests'

describeSteps(
  'wait, delete',
  [
    { args: ['apply', '-f', 'pod.yaml'] },
    { args: ['create', '-f', 'cfg.yaml'] },
    { args: ['apply', '-f', 'api.json'] },
    { advance: 30_000 },
    { args: ['wait', '--for=condition=Ready', 'pod/mynginx'] },
    { args: ['wait', '--for=condition=Ready', 'pod/mynginx', 'pod/probed', '--timeout=5s'] },
    { args: ['wait', '--for=jsonpath={.status.phase}=Running', 'pod/mynginx'] },
    { args: ['wait', '--for=condition=Available', 'deployment/web'] },
    { args: ['wait', '--for=delete', 'pod/nope', '--timeout=1s'] },
    { args: ['delete', 'pod', 'applied', '--dry-run=server'] },
    { args: ['delete', 'pod', 'applied'], waits: true },
    { args: ['delete', 'pod', 'applied'] },
    { args: ['delete', 'pod', 'applied', '--ignore-not-found'] },
    { args: ['delete', 'configmap', 'cfg', 'settings'], waits: true },
    { args: ['delete', 'deployment', 'api'], waits: true },
    { args: ['delete', 'pods', '-l', 'run=done'], waits: true },
    { args: ['delete', 'secret', 'creds', '--wait=false'] },
    { args: ['delete', 'job', 'pi', '--cascade=orphan'], waits: true },
    { args: ['delete', 'pod', 'mynginx', '--grace-period=0', '--force'], waits: true },
    { args: ['delete', 'pod', 'crasher', '--now'], waits: true },
    { args: ['delete', 'namespace', 'team'], waits: true },
    { args: ['delete', 'namespace', 'default'] },
    { advance: 60_000 },
    { args: ['get', 'all', '-A'] },
  ],
  MANIFESTS,
)
