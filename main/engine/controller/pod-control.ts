// PodControl (kubernetes v1.32 pkg/controller/controller_utils.go RealPodControl and GetPodFromTemplate): how
// the ReplicaSet and Job controllers create and delete their pods, recording SuccessfulCreate /
// FailedCreate / SuccessfulDelete / FailedDelete on the owner as upstream's does.

import type { KubeObject } from '../../kube'
import type { PodTemplateSpec } from '../api/apps/types'
import { isApiError } from '../api/errors'
import { nameIsDNSSubdomain } from '../api/meta/names'
import type { Pod } from '../api/pods/types'
import { Client } from '../client/client'
import { EventRecorder, involved } from '../events/recorder'
import type { World } from '../world'
import { newControllerRef } from './controller-ref'

/** v1.NamespaceTerminatingCause: no event is recorded when a pod cannot be made in a terminating namespace. */
const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating'

/** getPodsPrefix: `<owner>-` when that is a valid generateName, else the owner's name alone. */
export function podsPrefix(ownerName: string): string {
  const prefix = `${ownerName}-`
  return nameIsDNSSubdomain(prefix, true).length === 0 ? prefix : ownerName
}

/** GetPodFromTemplate: the pod `template` describes, owned by `owner` through a controller reference. */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, generateName = podsPrefix(owner.metadata.name ?? '')): Pod {
  const metadata: Pod['metadata'] = { generateName }
  const { labels, annotations, finalizers } = template.metadata ?? {}
  if (labels) metadata.labels = { ...labels }
  if (annotations) metadata.annotations = { ...annotations }
  if (finalizers) metadata.finalizers = [...finalizers]
  metadata.ownerReferences = [newControllerRef(owner)]
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template.spec) }
}

export class PodControl {
  private readonly client: Client
  private readonly events: EventRecorder

  /** `component` is the controller's event source (`replicaset-controller`, `job-controller`). */
  constructor(
    world: World,
    private readonly component: string,
  ) {
    this.client = new Client(world)
    this.events = new EventRecorder(world)
  }

  /**
   * CreatePods / CreatePodsWithGenerateName: creates one pod from `template` in `namespace`, owned by `owner`
   * (generateName `<owner>-` unless given). Returns the pod as stored. Throws the ApiError the API server
   * raised (after recording FailedCreate `Error creating: <message>`), or an Error when the template has no
   * labels (upstream refuses those before asking the server).
   */
  createPods(namespace: string, template: PodTemplateSpec, owner: KubeObject, generateName?: string): Pod {
    const pod = podFromTemplate(template, owner, generateName)
    if (Object.keys(pod.metadata.labels ?? {}).length === 0) throw new Error('unable to create pods, no labels')
    pod.metadata.namespace = namespace
    try {
      const created = this.client.create(pod)
      this.events.legacy(involved(owner), 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name ?? ''}`, { component: this.component })
      return created
    } catch (e) {
      const terminating = isApiError(e) && (e.details.causes ?? []).some((c) => c.reason === NAMESPACE_TERMINATING_CAUSE)
      if (isApiError(e) && !terminating) this.events.legacy(involved(owner), 'Warning', 'FailedCreate', `Error creating: ${e.message}`, { component: this.component })
      throw e
    }
  }

  /**
   * DeletePod: deletes pod `name` in `namespace` (its own grace period), recording SuccessfulDelete `Deleted pod:
   * <name>` on `owner`. A pod already gone throws NotFound without an event, as upstream's; any other ApiError
   * is recorded as FailedDelete and thrown.
   */
  deletePod(namespace: string, name: string, owner: KubeObject): void {
    try {
      this.client.delete('pods', namespace, name)
    } catch (e) {
      if (isApiError(e) && e.reason !== 'NotFound') this.events.legacy(involved(owner), 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, { component: this.component })
      throw e
    }
    this.events.legacy(involved(owner), 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, { component: this.component })
  }
}
