// The manifests a learner can start from (issue 11 item 2): the study notes' examples as typed, mistakes
// included (testdata/seed, read as they are), the same ones corrected, and the Kubernetes docs' classics.

import podMynginx from '../../testdata/seed/pod-mynginx.yaml?raw'
import helloDeployment from '../../testdata/seed/helloDeployment.yaml?raw'
import heredocApply from '../../testdata/seed/heredoc-apply.sh?raw'
import nginxPod from './templates/nginx-pod.yaml?raw'
import crashloopBusybox from './templates/crashloop-busybox.yaml?raw'
import livenessExec from './templates/liveness-exec.yaml?raw'
import piJob from './templates/pi-job.yaml?raw'
import nginxDeployment from './templates/nginx-deployment.yaml?raw'

export type TemplateGroup = 'notes' | 'docs'

export interface Template {
  /** Also the i18n key of its name: forms.templates.<id>. */
  id: string
  group: TemplateGroup
  text: string
}

/** The manifest a heredoc pipes into `kubectl apply -f -`: the lines between `<< EOF` and `EOF`. */
export function heredocBody(script: string): string {
  const lines = script.split('\n')
  const start = lines.findIndex((l) => /<<\s*-?\s*'?EOF'?/.test(l))
  const end = lines.findIndex((l, i) => i > start && l.trim() === 'EOF')
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n') + '\n'
}

const fixedPod = podMynginx.replace('metadate:', 'metadata:')
const fixedDeployment = helloDeployment.replace('app/v1', 'apps/v1').replace('helloimage', 'nginx').replace(/^ {6}restartPolicy: OnFailure\n/m, '')
const heredoc = heredocBody(heredocApply)
const fixedHeredoc = heredoc.replace('  - containerPort: 80\n', '    ports:\n    - containerPort: 80\n')

export const TEMPLATES: readonly Template[] = [
  { id: 'notesPodBroken', group: 'notes', text: podMynginx },
  { id: 'notesPodFixed', group: 'notes', text: fixedPod },
  { id: 'notesDeploymentBroken', group: 'notes', text: helloDeployment },
  { id: 'notesDeploymentFixed', group: 'notes', text: fixedDeployment },
  { id: 'notesHeredocBroken', group: 'notes', text: heredoc },
  { id: 'notesHeredocFixed', group: 'notes', text: fixedHeredoc },
  { id: 'nginxPod', group: 'docs', text: nginxPod },
  { id: 'crashloopBusybox', group: 'docs', text: crashloopBusybox },
  { id: 'livenessExec', group: 'docs', text: livenessExec },
  { id: 'piJob', group: 'docs', text: piJob },
  { id: 'nginxDeployment', group: 'docs', text: nginxDeployment },
]
