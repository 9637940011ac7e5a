// uidTrackingExpectations (kubernetes v1.32 pkg/controller/job/tracking_utils.go): the pods whose tracking
// finalizer a Job's sync asked to remove, until the informer shows it gone, so no sync counts them twice.

export class FinalizerExpectations {
  private readonly byJob = new Map<string, Set<string>>()

  /** The uids of `jobKey`'s pods whose finalizer removal is not observed yet. */
  expectedUids(jobKey: string): ReadonlySet<string> {
    return this.byJob.get(jobKey) ?? new Set()
  }

  expectRemoval(jobKey: string, uids: readonly string[]): void {
    if (uids.length === 0) return
    const set = this.byJob.get(jobKey) ?? new Set<string>()
    for (const uid of uids) set.add(uid)
    this.byJob.set(jobKey, set)
  }

  removalObserved(jobKey: string, uid: string): void {
    const set = this.byJob.get(jobKey)
    set?.delete(uid)
    if (set?.size === 0) this.byJob.delete(jobKey)
  }

  deleteExpectations(jobKey: string): void {
    this.byJob.delete(jobKey)
  }

  clear(): void {
    this.byJob.clear()
  }
}
