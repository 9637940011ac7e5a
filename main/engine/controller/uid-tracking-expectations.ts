// UIDTrackingControllerExpectations (kubernetes v1.32 pkg/controller/controller_utils.go): ControllerExpectations
// that also remember which pods a controller deleted, so that a pod seen terminating and then gone — or
// updated several times while terminating — lowers the expected deletions once.

import { ControllerExpectations } from './expectations'

export class UIDTrackingExpectations extends ControllerExpectations {
  private readonly deleting = new Map<string, Set<string>>()

  /** ExpectDeletions: `podKeys` (`namespace/name`) are about to be deleted for `key`. */
  expectDeletionsOf(key: string, podKeys: readonly string[]): void {
    this.deleting.set(key, new Set(podKeys))
    this.expectDeletions(key, podKeys.length)
  }

  /** DeletionObserved: `podKey`'s deletion counts once, and only when it was expected. */
  deletionObservedOf(key: string, podKey: string): void {
    const keys = this.deleting.get(key)
    if (keys?.delete(podKey)) this.deletionObserved(key)
  }

  override deleteExpectations(key: string): void {
    this.deleting.delete(key)
    super.deleteExpectations(key)
  }

  override clear(): void {
    this.deleting.clear()
    super.clear()
  }
}
