// For the runtime's tests: a cluster file with containerd alone (no kubelet), containers started from a short
// description, and the clock moved as `podlab advance` moves it (timers fired in order, one transaction).

import { copyFileSync } from 'node:fs'
import { afterEach } from 'vitest'
import { openWorld, transact } from '../../controller/testing/world'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'
import type { World } from '../../world'
import { Containerd } from '../containerd'
import type { ProgramTable } from '../kernel-host'
import type { ContainerConfig } from '../runtime-service'
import { testImage, testPrograms } from './test-programs'

export const NODE = 'podlab-worker'

export interface Harness {
  world: World
  containerd: Containerd
  /** PLEG calls heard: `<ms> <containerId>`. */
  exits: string[]
  /** Runs `body` in one transaction. */
  tx<T>(body: () => T): T
  /** Moves the clock `ms` forward, firing timers in order. */
  advance(ms: number): void
  /** A container's config: pod `p` (uid `uid-p`, 10.244.1.5), container `c`, the test image, a fresh id. */
  config(config?: Partial<ContainerConfig>): ContainerConfig
  /** Starts a container (see `config`); returns its id; throws when it cannot start. */
  start(config?: Partial<ContainerConfig>): string
}

let ids = 0
let template: string | undefined

/** A fresh copy of one default cluster file (making a cluster takes longer than copying one). */
function freshFile(): string {
  if (!template) {
    template = tmpFile()
    openCluster(template, { mode: 'manual' }).close()
  }
  const path = tmpFile()
  copyFileSync(template, path)
  return path
}

/** A fresh harness per test; closed after it. */
export function runtimeHarness(programs: ProgramTable = testPrograms): () => Harness {
  const opened: World[] = []
  afterEach(() => opened.splice(0).forEach((w) => w.db.close()))
  return () => {
    let containerd!: Containerd
    const world = openWorld(freshFile(), (w) => [(containerd = new Containerd(w, programs))], { bare: true })
    opened.push(world)
    // The default cluster's controllers left timers; only containerd runs here.
    world.db.prepare("DELETE FROM timers WHERE queue != 'containerd'").run()
    const exits: string[] = []
    containerd.onContainerExit((_node, _ns, _pod, id) => exits.push(`${world.now()} ${id}`))
    const tx = <T>(body: () => T): T => transact(world, body)
    return {
      world,
      containerd,
      exits,
      tx,
      advance: (ms) => tx(() => world.runUntil(world.now() + ms)),
      config: (config = {}) => configFor(config),
      start: (config = {}) => {
        const full = configFor(config)
        const r = tx(() => containerd.startContainer(full))
        if ('reason' in r) throw new Error(r.message)
        return full.containerId
      },
    }
  }
}

function configFor(config: Partial<ContainerConfig>): ContainerConfig {
  return {
    node: NODE,
    podUid: 'uid-p',
    namespace: 'default',
    podName: 'p',
    podIp: '10.244.1.5',
    hostNetwork: false,
    containerName: 'c',
    containerId: (++ids).toString(16).padStart(64, '0'),
    image: 'docker.io/library/test:1',
    imageConfig: testImage(),
    env: [],
    mounts: [],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    stdin: false,
    tty: false,
    ...config,
  }
}
