// The differential harness (issue 10 §5), the writes kubectl 1.32 sends as protobuf (`create deployment|job|
// namespace|configmap|secret`, whose bodies the door decodes with the vendored .proto files) and server-side apply
// (`apply --server-side`: field managers, a conflict with the client-side applier, --force-conflicts); see
// ../testing/differential-steps.ts. Both clusters must print the same and store the same objects, managedFields
// included.

import { describeSteps } from '../testing/differential-steps'
import { MANIFESTS, POD_YAML } from './manifests'

describeSteps(
  'protobuf creates, server-side apply',
  [
    { args: ['create', 'namespace', 'team'] },
    { args: ['create', 'deployment', 'web2', '--image=nginx:1.27', '--replicas=2', '-n', 'team'] },
    { args: ['create', 'deployment', 'web2', '--image=nginx:1.27', '-n', 'team'] },
    { args: ['create', 'configmap', 'settings', '--from-literal=mode=dev', '-n', 'team'] },
    { args: ['create', 'secret', 'generic', 'token', '--from-literal=t=s3cr3t', '-n', 'team'] },
    { args: ['create', 'job', 'once', '--image=busybox', '-n', 'team', '--', 'sh', '-c', 'echo done'] },
    { advance: 30_000 },
    { args: ['get', 'deploy,rs,pods,jobs,cm,secrets', '-n', 'team'] },
    { args: ['apply', '-f', 'web2.yaml'] },
    { args: ['apply', '--server-side', '-f', 'ssa.yaml'] },
    { args: ['apply', '--server-side', '-f', 'ssa.yaml'] },
    { args: ['get', 'pod', 'ssa', '-o', 'yaml', '--show-managed-fields'] },
    { args: ['apply', '-f', 'csa.yaml'] },
    { args: ['apply', '--server-side', '-f', 'csa-newer.yaml'] },
    { args: ['apply', '--server-side', '--force-conflicts', '-f', 'csa-newer.yaml'] },
    { args: ['apply', '--server-side', '--field-manager=teacher', '-f', 'ssa-labelled.yaml', '--dry-run=server'] },
    { args: ['get', 'pods', 'ssa', 'csa', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.spec.containers[0].image} {.metadata.labels}{"\\n"}{end}'] },
  ],
  {
    ...MANIFESTS,
    'ssa.yaml': POD_YAML.replace(/applied/g, 'ssa'),
    'web2.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web2\n  namespace: team\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web2\n  template:\n    metadata:\n      labels:\n        app: web2\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n',
    'ssa-labelled.yaml': POD_YAML.replace(/applied/g, 'ssa').replace('app: ssa', 'app: ssa\n    owner: teacher'),
    'csa.yaml': POD_YAML.replace(/applied/g, 'csa'),
    'csa-newer.yaml': POD_YAML.replace(/applied/g, 'csa').replace('nginx:1.27', 'nginx:1.28'),
  },
)
