// The body of `kubectl drain` after the cordon, after kubectl pkg/cmd/drain/drain.go RunDrain and pkg/drain/
// drain.go (v0.32.5): node by node, the pods to go (pod-filters.ts), `evicting pod ns/x` for each as its eviction
// is POSTed (or a DELETE with --disable-eviction), then a look every second until each is gone (`pod/x evicted`)
// and `node/x drained`. A node whose pods cannot all go is reported and the others go on; the errors end the run.
// The real kubectl sleeps between looks while the cluster moves on; here the caller moves the clock between
// calls of step() (drain.ts: in 1 s steps on the manual clock, or as a Follow on a running one).

import type { KubeObject } from '../../../kube'
import type { DeleteOptions } from '../../../engine'
import { aggregate, checkErrText, errorString, fromThrown, plain, type CliError } from '../../errors'
import type { KubectlIO } from '../../io'
import { dryRunSuffix, serverDryRun, type DryRun } from '../create/create-options'
import { deletedLongAgo, podsForDeletion, type DrainFilterOptions } from './pod-filters'

export interface DrainSettings extends Omit<DrainFilterOptions, 'nowMs'> {
  /** --grace-period: negative for each pod's own. */
  gracePeriodSeconds: number
  /** --timeout in ms; 0 waits for ever. */
  timeoutMs: number
  disableEviction: boolean
  podSelector: string
  dryRun: DryRun
}

type Out = (stream: 'stdout' | 'stderr', text: string) => void

interface Waiting {
  node: KubeObject
  pods: KubeObject[]
  /** The clock instant (ms) the --timeout runs out at, or Infinity. */
  deadlineMs: number
}

/** One drain run over its nodes, moved on by step() until it is done; `exitCode` then says how it ended. */
export class DrainRun {
  private next = 0
  private waiting: Waiting | undefined
  private readonly fatal: CliError[] = []
  private readonly remaining: string[] = []
  exitCode: number | undefined

  constructor(
    private readonly io: KubectlIO,
    private readonly nodes: KubeObject[],
    private readonly s: DrainSettings,
  ) {}

  /** The wait in progress (a new object for each node's wait), or undefined. */
  get waitingOn(): object | undefined {
    return this.waiting
  }

  /** How long (ms) a look may take at most before it is given up on the manual clock: the largest grace period + 30 s. */
  get waitingGraceMs(): number {
    const graces = (this.waiting?.pods ?? []).map((p) => {
      const own = p.metadata.deletionGracePeriodSeconds ?? (p.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? 30
      return this.s.gracePeriodSeconds >= 0 ? this.s.gracePeriodSeconds : own
    })
    return Math.max(0, ...graces) * 1000
  }

  /** Goes as far as the cluster allows now; true when the run is over (exitCode set). */
  step(out: Out): boolean {
    while (this.exitCode === undefined) {
      if (this.waiting) {
        if (!this.look(out)) return false
        continue
      }
      if (this.next >= this.nodes.length) {
        this.finish(out)
        break
      }
      this.startNode(this.nodes[this.next++]!, out)
    }
    return true
  }

  /** deleteOrEvictPodsSimple up to the wait: the filters, the warnings, the evictions. */
  private startNode(node: KubeObject, out: Out): void {
    const name = node.metadata.name ?? ''
    let pods: KubeObject[]
    try {
      pods = this.io.engine.list('pods', undefined, this.s.podSelector ? { labelSelector: this.s.podSelector } : undefined).items.filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === name)
    } catch (e) {
      return this.nodeFailed(node, fromThrown(e), out)
    }
    const list = podsForDeletion(pods, { ...this.s, nowMs: this.io.engine.clock().nowMs })
    if (list.errors.length > 0) return this.nodeFailed(node, aggregate(list.errors.map((m) => plain(m)))!, out)
    // o.WarningPrinter.Print: `Warning: ` on stderr.
    if (list.warnings !== '') out('stderr', `Warning: ${list.warnings}\n`)
    if (this.s.dryRun === 'client') {
      for (const p of list.pods) out('stdout', `evicting pod ${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''} (dry run)\n`)
      return this.drained(node, out)
    }
    // drain.go makeDeleteOptions: --dry-run=server evicts (or deletes) with DeleteOptions.dryRun All.
    const options: DeleteOptions = {
      ...(this.s.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: this.s.gracePeriodSeconds } : {}),
      ...serverDryRun(this.s.dryRun),
    }
    const waitFor: KubeObject[] = []
    const errors: CliError[] = []
    for (const p of list.pods) {
      const ns = p.metadata.namespace ?? ''
      const pod = p.metadata.name ?? ''
      try {
        if (this.s.disableEviction) this.io.engine.delete('pods', ns, pod, options)
        else {
          out('stdout', `evicting pod ${ns}/${pod}${this.s.dryRun === 'server' ? ' (server dry run)' : ''}\n`)
          this.io.engine.evict(ns, pod, options)
          // evictPods: a server dry run's eviction is done once admitted, with no wait for the pod to go. (A
          // --disable-eviction one waits for pods its dry-run deletes never remove, as kubectl does.)
          if (this.s.dryRun === 'server') continue
        }
        waitFor.push(p)
      } catch (e) {
        const err = fromThrown(e)
        // A pod already gone is done (evictPods' IsNotFound; deletePods ignores it too).
        if (err.kind === 'status' && err.status.reason === 'NotFound') continue
        if (this.s.disableEviction) return this.podsFailed(node, err, out)
        errors.push(plain(`error when evicting pods/${JSON.stringify(pod)} -n ${JSON.stringify(ns)}: ${errorString(err)}`))
      }
    }
    if (errors.length > 0) return this.podsFailed(node, aggregate(errors)!, out)
    const deadlineMs = this.s.timeoutMs > 0 ? this.io.engine.clock().nowMs + this.s.timeoutMs : Number.POSITIVE_INFINITY
    this.waiting = { node, pods: waitFor, deadlineMs }
  }

  /** waitForDelete's condition: prints each pod gone; true when none is left (the node is drained or failed). */
  private look(out: Out): boolean {
    const w = this.waiting!
    const verb = this.s.disableEviction ? 'deleted' : 'evicted'
    const nowMs = this.io.engine.clock().nowMs
    w.pods = w.pods.filter((p) => {
      let current: KubeObject
      try {
        current = this.io.engine.get('pods', p.metadata.namespace, p.metadata.name ?? '')
      } catch {
        out('stdout', `pod/${p.metadata.name ?? ''} ${verb}\n`)
        return false
      }
      if (current.metadata.uid !== p.metadata.uid) {
        out('stdout', `pod/${p.metadata.name ?? ''} ${verb}\n`)
        return false
      }
      if (deletedLongAgo(current, this.s.skipWaitForDeleteTimeoutSeconds, nowMs)) {
        out('stdout', `pod ${JSON.stringify(p.metadata.name ?? '')} has DeletionTimestamp older than ${this.s.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`)
        return false
      }
      return true
    })
    if (w.pods.length === 0) {
      this.waiting = undefined
      this.drained(w.node, out)
      return true
    }
    if (nowMs < w.deadlineMs) return false
    // The context's deadline: each pod's wait ends with it (evictPods), or the one wait of deletePods.
    const exceeded = 'context deadline exceeded'
    const err = this.s.disableEviction
      ? plain(exceeded)
      : aggregate(w.pods.map((p) => plain(`error when waiting for pod ${JSON.stringify(p.metadata.name ?? '')} in namespace ${JSON.stringify(p.metadata.namespace ?? '')} to terminate: ${exceeded}`)))!
    this.waiting = undefined
    this.podsFailed(w.node, err, out)
    return true
  }

  /** deleteOrEvictPodsSimple's error path: the node's pods still there are listed before the node fails. */
  private podsFailed(node: KubeObject, err: CliError, out: Out): void {
    const name = node.metadata.name ?? ''
    try {
      const pods = this.io.engine.list('pods', undefined, this.s.podSelector ? { labelSelector: this.s.podSelector } : undefined).items.filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === name)
      const pending = podsForDeletion(pods, { ...this.s, nowMs: this.io.engine.clock().nowMs }).pods
      if (pending.length > 0) {
        out('stderr', `There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${errorString(err)}\n`)
        for (const p of pending) out('stderr', `pod/${p.metadata.name ?? ''}\n`)
      }
    } catch {
      // Listing again failed: kubectl prints that list's errors; Podlab's list does not fail here.
    }
    this.nodeFailed(node, err, out)
  }

  private nodeFailed(node: KubeObject, err: CliError, out: Out): void {
    const name = node.metadata.name ?? ''
    out('stderr', `error: unable to drain node ${JSON.stringify(name)} due to error: ${errorString(err)}, continuing command...\n`)
    this.fatal.push(err)
    this.remaining.push(name)
  }

  private drained(node: KubeObject, out: Out): void {
    out('stdout', `node/${node.metadata.name ?? ''} drained${dryRunSuffix(this.s.dryRun)}\n`)
  }

  private finish(out: Out): void {
    if (this.remaining.length > 0) out('stderr', `There are pending nodes to be drained:\n${this.remaining.map((n) => ` ${n}\n`).join('')}`)
    const err = aggregate(this.fatal)
    if (err) out('stderr', checkErrText(err))
    this.exitCode = err ? 1 : 0
  }
}
