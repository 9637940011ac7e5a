// The deployment's rollout viewers (kubectl pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer and
// history.go DeploymentHistoryViewer, v0.32.5): its status line, and its revisions with their change causes.

import { Tabwriter } from '../../../gostd/tabwriter'
import type { KubectlIO } from '../../io'
import { describePodTemplate } from './pod-template'
import { CHANGE_CAUSE_ANNOTATION, controlledReplicaSets, revisionOf, type Deployment, type PodTemplate } from './replicasets'

/** deploymentutil.TimedOutReason. */
const TIMED_OUT = 'ProgressDeadlineExceeded'

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done, or the error to stop with. */
export function deploymentStatus(d: Deployment, revision: number): { text: string; done: boolean } | { error: string } {
  if (revision > 0) {
    const current = revisionOf(d)
    if (current === undefined) return { error: `cannot get the revision of deployment ${JSON.stringify(d.metadata.name)}` }
    if (revision !== current) return { error: `desired revision (${revision}) is different from the running revision (${current})` }
  }
  const name = JSON.stringify(d.metadata.name)
  const s = d.status ?? {}
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...\n', done: false }
  if (s.conditions?.find((c) => c.type === 'Progressing')?.reason === TIMED_OUT) return { error: `deployment ${name} exceeded its progress deadline` }
  const updated = s.updatedReplicas ?? 0
  if (d.spec.replicas !== undefined && updated < d.spec.replicas) {
    return { text: `Waiting for deployment ${name} rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false }
  }
  if ((s.replicas ?? 0) > updated) return { text: `Waiting for deployment ${name} rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false }
  if ((s.availableReplicas ?? 0) < updated) {
    return { text: `Waiting for deployment ${name} rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false }
  }
  return { text: `deployment ${name} successfully rolled out\n`, done: true }
}

/** A revision: its ReplicaSet's template and annotations (deploymentutil's view of one). */
export interface Revision {
  template: PodTemplate
  rsAnnotations: Record<string, string>
}

/** Each revision of the deployment, from the ReplicaSets it controls (one with a bad revision annotation skipped). */
export function revisions(io: KubectlIO, d: Deployment): Map<number, Revision> {
  const out = new Map<number, Revision>()
  for (const rs of controlledReplicaSets(io, d)) {
    const v = revisionOf(rs)
    if (v !== undefined) out.set(v, { template: rs.spec.template, rsAnnotations: rs.metadata.annotations ?? {} })
  }
  return out
}

/** ViewHistory's copy of a revision's template: the ReplicaSet's change cause among its annotations. */
function withChangeCause(r: Revision): PodTemplate {
  const cause = r.rsAnnotations[CHANGE_CAUSE_ANNOTATION]
  if (!cause) return r.template
  return { ...r.template, metadata: { ...r.template.metadata, annotations: { ...r.template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: cause } } }
}

/** DeploymentHistoryViewer.ViewHistory: the REVISION / CHANGE-CAUSE table, or one revision's template. */
export function deploymentHistory(io: KubectlIO, d: Deployment, revision: number): { text: string } | { error: string } {
  const history = revisions(io, d)
  if (history.size === 0) return { text: 'No rollout history found.' }
  if (revision > 0) {
    const found = history.get(revision)
    return found ? { text: describePodTemplate(withChangeCause(found)) } : { error: 'unable to find the specified revision' }
  }
  // tabbedString: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0).
  const w = new Tabwriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', rememberWidths: false })
  w.write('REVISION\tCHANGE-CAUSE\n')
  for (const r of [...history.keys()].sort((a, b) => a - b)) {
    w.write(`${r}\t${withChangeCause(history.get(r)!).metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`)
  }
  return { text: w.flush() }
}
