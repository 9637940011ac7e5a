// Random chaos: at a set rate, on the virtual clock, a randomly chosen pod outside the system namespaces has a
// container killed (SIGKILL), OOM-killed, or is deleted. The moments are a Poisson process (exponential gaps,
// mean 60 s / rate), and every choice comes from the mode's OWN generator, seeded from its seed and kept in the
// cluster file (meta `chaos_random`) with the mode: the cluster's generator (names, UIDs, node choices) draws
// exactly what it would without chaos, so the same seed and the same commands give the same history, and
// turning chaos on does not reshuffle everything else.
//
// Events: a deleted pod gets chaoskube's own event, byte for byte (chaoskube deletes a random pod; its only
// terminator is terminator/delete_pod.go). A kill or OOM kill gets none: no Kubernetes component records one
// for a container ended from outside (the kubelet only reports what follows: BackOff, Started ...); its cause
// is kept in container_transitions (`chaos`, through kubelet/transitions.ts expectEnd).

import type { Pod } from '../api/pods/types'
import { Client } from '../client/client'
import type { Lister, SharedInformerFactory } from '../client/informers'
import type { Controller } from '../controller/controller'
import type { RateLimitingQueue } from '../controller/rate-limiting-queue'
import { EventRecorder, involved } from '../events/recorder'
import { createRng, seedState, type Rng } from '../runtime/rng'
import { damagedRow } from '../store/open/errors'
import type { World } from '../world'
import { oomKillContainer, signalContainer } from './actions'
import { ChaosRefused } from './errors'
import { chaosRuntimeOf } from './runtime'
import { findRunningContainer } from './target'

export const CHAOS_QUEUE = 'chaos'
const KEY = 'random'
const META_KEY = 'chaos_random'
/** Namespaces random chaos leaves alone (the cluster's own pods), as chaoskube users usually exclude them. */
const SPARED_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'])
/** At most this many actions per virtual minute. */
export const MAX_RATE_PER_MINUTE = 600

export interface RandomChaosState {
  seed: string
  ratePerMinute: number
  startedAt: number
  /** When the mode ends by itself (ms); none: until `chaos stop`. */
  until?: number
  /** The next action (ms). */
  nextAt: number
  /** The mode's own generator state. */
  rng: string
  actions: number
}

export function readRandomChaos(world: World): RandomChaosState | undefined {
  const raw = world.store.meta(META_KEY)
  if (raw === undefined) return undefined
  try {
    const s = JSON.parse(raw) as RandomChaosState
    if (typeof s.seed === 'string' && typeof s.ratePerMinute === 'number' && typeof s.nextAt === 'number' && typeof s.rng === 'string') return s
  } catch {
    // reported below
  }
  throw damagedRow(world.db.name, `meta row ${META_KEY} is not a random chaos state`)
}

function writeRandomChaos(world: World, state: RandomChaosState | undefined): void {
  if (state) world.store.setMeta(META_KEY, JSON.stringify(state))
  else {
    const raw = world.store.meta(META_KEY)
    if (raw !== undefined) world.store.removeMeta(META_KEY, raw)
  }
}

/** An exponential gap with mean 60 s / rate (ms, at least 1). */
function gapMs(rng: Rng, ratePerMinute: number): number {
  return Math.max(1, Math.round((-Math.log(1 - rng.next()) * 60_000) / ratePerMinute))
}

/**
 * Starts (or restarts) random chaos at `ratePerMinute` actions per virtual minute for `forMs` (ms; until
 * stopped when undefined). Without a seed, one is derived from the cluster's seed and the virtual time (so a
 * replay derives the same) — never drawn from the cluster's generator. Throws ChaosRefused BadValue.
 */
export function startRandomChaos(world: World, ratePerMinute: number, seed: string | undefined, forMs: number | undefined): RandomChaosState {
  if (!(Number.isFinite(ratePerMinute) && ratePerMinute > 0 && ratePerMinute <= MAX_RATE_PER_MINUTE)) {
    throw new ChaosRefused('BadValue', `the rate must be more than 0 and at most ${MAX_RATE_PER_MINUTE} actions per minute, got ${ratePerMinute}`)
  }
  if (forMs !== undefined && !(Number.isFinite(forMs) && forMs > 0)) throw new ChaosRefused('BadValue', `the duration must be more than 0, got ${forMs} ms`)
  if (seed !== undefined && !/^\d{1,15}$/.test(seed)) throw new ChaosRefused('BadValue', `the seed must be a whole number of 1 to 15 digits, got ${JSON.stringify(seed)}`)
  const now = world.now()
  const chosen = seed ?? String((Number(world.store.meta('seed') ?? '1') + Math.floor(now / 1000)) % 1e15)
  const rng = createRng(seedState(chosen))
  const state: RandomChaosState = { seed: chosen, ratePerMinute, startedAt: now, nextAt: now + gapMs(rng, ratePerMinute), rng: rng.state(), actions: 0 }
  if (forMs !== undefined) state.until = now + Math.round(forMs)
  writeRandomChaos(world, state)
  world.enqueue(CHAOS_QUEUE, KEY)
  return state
}

/** Stops random chaos; returns the state it had. Throws ChaosRefused NotRandom when none runs. */
export function stopRandomChaos(world: World): RandomChaosState {
  const state = readRandomChaos(world)
  if (!state) throw new ChaosRefused('NotRandom', 'no random chaos is running')
  writeRandomChaos(world, undefined)
  return state
}

/** The controller that acts when random chaos is due: key `random`, woken by its own timer. */
export class RandomChaos implements Controller {
  readonly name = CHAOS_QUEUE
  private queue!: RateLimitingQueue
  private pods!: Lister<Pod>
  private readonly events: EventRecorder
  private readonly client: Client

  constructor(private readonly world: World) {
    this.events = new EventRecorder(world)
    this.client = new Client(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    this.pods = informers.informer<Pod>('pods').lister()
  }

  sync(key: string): void {
    if (key !== KEY) return
    const state = readRandomChaos(this.world)
    if (!state) return
    const now = this.world.now()
    if (state.until !== undefined && now >= state.until) return writeRandomChaos(this.world, undefined)
    if (now >= state.nextAt) {
      const rng = createRng(state.rng)
      this.act(rng)
      state.actions++
      state.nextAt = now + gapMs(rng, state.ratePerMinute)
      state.rng = rng.state()
      writeRandomChaos(this.world, state)
    }
    const next = Math.min(state.nextAt, state.until ?? Number.POSITIVE_INFINITY)
    this.queue.addAfter(KEY, next - now)
  }

  /** One action on a random pod: kill, OOM-kill (only with a runtime to reach containers), or delete. */
  private act(rng: Rng): void {
    const candidates = this.pods
      .list()
      .filter((p) => !SPARED_NAMESPACES.has(p.metadata.namespace ?? '') && !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && p.spec.nodeName)
      .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`))
    const actions = chaosRuntimeOf(this.world) ? (['kill', 'oom', 'delete'] as const) : (['delete'] as const)
    const action = actions[rng.int(actions.length)] ?? 'delete'
    if (candidates.length === 0) return
    const pod = candidates[rng.int(candidates.length)] as Pod
    const namespace = pod.metadata.namespace ?? 'default'
    const name = pod.metadata.name ?? ''
    if (action === 'delete') {
      this.client.delete('pods', namespace, name)
      // github.com/linki/chaoskube chaoskube/chaoskube.go DeletePod: recorded after the delete succeeded, by
      // an EventRecorder whose source is {Component: "chaoskube"}.
      return this.events.legacy(involved(pod), 'Normal', 'Killing', 'Pod was terminated by chaoskube to introduce chaos.', { component: 'chaoskube' })
    }
    const running = (pod.status?.containerStatuses ?? []).filter((s) => s.state.running && s.containerID)
    const container = running[rng.int(running.length)]
    if (!container) return
    try {
      const target = findRunningContainer(this.world, namespace, name, container.name)
      if (action === 'kill') signalContainer(this.world, target, 'SIGKILL')
      else oomKillContainer(this.world, target)
    } catch (e) {
      // The container ended between its status and the signal: chaos missed this time.
      if (!(e instanceof ChaosRefused)) throw e
    }
  }
}
