// slowStartBatch (kubernetes v1.32 pkg/controller/replicaset/replica_set.go): calls `fn` `count` times in batches
// of 1, 2, 4, ... so that a call failing for every pod (a quota, a bad template) fails once instead of
// `count` times. Every call of a batch is made (upstream runs a batch in parallel); a batch with a failure
// ends the run.

/** SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1

/** The number of successful calls, and the first error of the failing batch if any. */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => void): { successes: number; error?: unknown } {
  let remaining = count
  let successes = 0
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    const errors: unknown[] = []
    for (let i = 0; i < batch; i++) {
      try {
        fn()
      } catch (e) {
        errors.push(e)
      }
    }
    successes += batch - errors.length
    if (errors.length > 0) return { successes, error: errors[0] }
    remaining -= batch
  }
  return { successes }
}
