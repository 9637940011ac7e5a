// Controller references (k8s.io/apimachinery v0.32.0 pkg/apis/meta/v1/controller_ref.go): the one owner
// reference with `controller: true` says which controller manages an object.

import type { KubeObject, OwnerReference } from '../../kube'

/** metav1.GetControllerOf: the owner reference marked controller, or undefined. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true)
}

/**
 * metav1.NewControllerRef: a reference to `owner` (its apiVersion, kind, name, uid) marked controller and
 * blocking the owner's foreground deletion until this dependent is gone.
 */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}
