// Each pod's last scheduling attempt, kept in the scheduler's memory for "why this node" and "why Pending":
// every node's verdict (the filter that rejected it and why, or its weighted scores) and the outcome. Bounded:
// the most recent attempts are kept (a 5,000-node cluster's attempt holds 5,000 verdicts).
import type { NodeVerdict } from './schedule-one'

export interface SchedulingAttempt {
  /** Virtual time of the attempt, RFC 3339. */
  at: string
  outcome: 'Scheduled' | 'Unschedulable' | 'Nominated'
  /** The node bound to, or nominated by preemption. */
  node?: string
  /** The FailedScheduling text (the PodScheduled condition's message) when it did not bind. */
  message?: string
  /** Per node, in the order they were looked at: rejections first, then the scored ones. */
  nodes: readonly NodeVerdict[]
  /** Nodes not looked at because enough fit (percentageOfNodesToScore). */
  notEvaluated: number
}

const MAX_KEPT = 256

export class AttemptLog {
  private readonly attempts = new Map<string, SchedulingAttempt>()

  record(key: string, attempt: SchedulingAttempt): void {
    this.attempts.delete(key)
    this.attempts.set(key, Object.freeze(attempt))
    if (this.attempts.size > MAX_KEPT) {
      const oldest = this.attempts.keys().next().value
      if (oldest !== undefined) this.attempts.delete(oldest)
    }
  }

  get(key: string): SchedulingAttempt | undefined {
    return this.attempts.get(key)
  }

  clear(): void {
    this.attempts.clear()
  }
}
