// For tests: one pod on a node driven the way the kubelet drives the prober, on a manual clock (ms), over
// the FakeRuntime: each container starts `startDelayMs` after it is due (sandbox, pull), the prober is synced
// at every instant something may change (its wake-ups, exits, starts), a container it says to kill is
// stopped with its grace (at least 2 s) and, under restartPolicy Always/OnFailure, started again at once
// (the first restart; the back-off of later ones is the kubelet's and is not modelled here).

import type { Pod } from '../../../api/pods/types'
import { createRng, seedState } from '../../../runtime/rng'
import { newContainerId } from '../../../runtime/ids'
import { ProbeManager, type ProbeStore, type ProbeVerdict } from '../prober-manager'
import { FakeRuntime, type FakeContainer } from './fake-runtime'

export class MemoryStore implements ProbeStore {
  readonly values = new Map<string, string>()
  writes = 0
  get<T>(node: string, key: string): T | undefined {
    const v = this.values.get(`${node}/${key}`)
    return v === undefined ? undefined : (JSON.parse(v) as T)
  }
  set(node: string, key: string, value: unknown): void {
    this.writes++
    this.values.set(`${node}/${key}`, JSON.stringify(value))
  }
  remove(node: string, key: string): void {
    this.values.delete(`${node}/${key}`)
  }
}

export interface NodeEvent {
  at: number
  container: string
  reason: string
  message: string
}

/** How a container behaves once started at `startedAt` (its files, servers, stop signal), by container name. */
export type Behaviour = (name: string, startedAt: number) => Partial<Omit<FakeContainer, 'node' | 'id' | 'startedAt'>> & { files?: Map<string, string> }

interface Tracked {
  id?: string
  startedAt?: number
  dueAt: number
  restartCount: number
  starts: number[]
}

export class ProbeNode {
  now = 0
  readonly runtime = new FakeRuntime(() => this.now)
  readonly store = new MemoryStore()
  readonly manager = new ProbeManager(this.store)
  readonly events: NodeEvent[] = []
  readonly verdicts: Array<{ at: number; verdict: ProbeVerdict }> = []
  private readonly rng = createRng(seedState('7'))
  private readonly tracked = new Map<string, Tracked>()

  constructor(
    readonly pod: Pod,
    private readonly behave: Behaviour,
    private readonly opts: { startDelayMs?: number; kubeletStartedAt?: number; podIp?: string } = {},
  ) {
    for (const c of pod.spec.containers) this.tracked.set(c.name, { dueAt: opts.startDelayMs ?? 0, restartCount: 0, starts: [] })
  }

  container(name: string): Tracked {
    const t = this.tracked.get(name)
    if (!t) throw new Error(`no container ${name}`)
    return t
  }

  private nextAt: number | undefined = 0

  /** Runs the node up to `until` (ms): a sync at each instant something asked for, none in between. */
  runUntil(until: number): void {
    for (let guard = 0; guard < 100_000 && this.nextAt !== undefined && this.nextAt <= until; guard++) {
      this.now = this.nextAt
      this.nextAt = this.step()
    }
    this.now = Math.max(this.now, until)
  }

  /** One more sync at the current instant (as a status update or another event would cause). */
  syncNow(): void {
    const next = this.step()
    if (next !== undefined && (this.nextAt === undefined || next < this.nextAt)) this.nextAt = next
  }

  /** The latest verdict's started/ready of a container. */
  last(name: string): { started: boolean; ready: boolean } | undefined {
    return this.verdicts.at(-1)?.verdict.containers[name]
  }

  private step(): number | undefined {
    const wakeups: number[] = []
    for (const [name, t] of this.tracked) {
      const c = t.id ? this.runtime.containers.get(t.id) : undefined
      if (c?.exit && c.exit.at <= this.now) {
        // Dead: restartPolicy Always (and OnFailure on a non-zero exit) starts it again.
        const policy = this.pod.spec.restartPolicy ?? 'Always'
        delete t.startedAt
        t.id = undefined
        t.dueAt = policy === 'Always' || (policy === 'OnFailure' && c.exit.code !== 0) ? this.now + (this.opts.startDelayMs ?? 0) : Number.POSITIVE_INFINITY
        t.restartCount += t.starts.length > 0 ? 1 : 0
        ;(t as Tracked & { lastId?: string }).lastId = c.id
      }
      if (t.id === undefined && t.dueAt <= this.now) {
        const id = newContainerId(this.rng)
        t.id = id
        t.startedAt = this.now
        t.starts.push(this.now)
        const extra = this.behave(name, this.now)
        this.runtime.containers.set(id, { node: 'node1', id, startedAt: this.now, files: new Map(), ...extra })
      }
      const alive = t.id ? this.runtime.containers.get(t.id) : undefined
      if (alive?.exit) wakeups.push(alive.exit.at)
      if (t.id === undefined && Number.isFinite(t.dueAt)) wakeups.push(t.dueAt)
    }
    const views = [...this.tracked].map(([name, t]) => {
      const lastId = (t as Tracked & { lastId?: string }).lastId
      const id = t.id ?? lastId
      return { name, ...(id ? { containerId: id } : {}), ...(t.startedAt !== undefined ? { startedAt: t.startedAt } : {}) }
    })
    const verdict = this.manager.sync(this.pod, views, {
      runtime: this.runtime,
      node: 'node1',
      podIp: this.opts.podIp ?? '10.244.1.5',
      kubeletStartedAt: this.opts.kubeletStartedAt ?? -3_600_000,
      random: () => this.rng.next(),
      newExecId: () => newContainerId(this.rng),
      record: (c, e) => this.events.push({ at: this.now, container: c.name, reason: e.reason, message: e.message }),
    }, this.now)
    this.verdicts.push({ at: this.now, verdict })
    for (const kill of verdict.toKill) {
      // No bookkeeping of kills here: the prober names each failed container once.
      this.events.push({ at: this.now, container: kill.container, reason: 'Killing', message: kill.message })
      this.runtime.stopContainer('node1', kill.containerId, Math.max(kill.graceSeconds, 2) * 1000)
      const c = this.runtime.containers.get(kill.containerId)
      if (c?.exit) wakeups.push(c.exit.at)
    }
    if (verdict.wakeAt !== undefined) wakeups.push(verdict.wakeAt)
    // A container stopped at once ends at this instant: look again now (as the PLEG would).
    if (wakeups.some((w) => w === this.now) && verdict.toKill.length > 0) return this.step()
    const future = wakeups.filter((w) => w > this.now)
    return future.length > 0 ? Math.min(...future) : undefined
  }
}
