// What containerd keeps of a pod's containers between two commands, as JSON in node_state: per container its
// process table, its writable layer and how it ended (`ctr/<containerId>`), and per pod the sandbox its
// containers share: the network identity, the emptyDirs and how far its processes have run (`sandbox/<podUid>`).

import type { FsEntry, FsState } from '../process/memory-fs'
import type { Block, FdTarget, WaitStatus } from '../process/program'
import type { Signal } from '../process/signals'
import type { Mount } from './runtime-service'

/** One process: its program (an id of the programs table) and that program's JSON state. */
export interface ProcessRecord {
  pid: number
  /** 0 for processes the runtime started (PID 1, exec sessions). */
  ppid: number
  program: string
  argv: string[]
  env: Record<string, string>
  cwd: string
  /** Where argv[0] resolved (`/bin/sleep`). */
  path: string
  /** Virtual ms. */
  startedAt: number
  state: unknown
  /** What it waits for; absent until its first step. */
  block?: Block
  /** Descriptors: index = fd number. */
  fds: FdTarget[]
  /** Bytes. */
  rss: number
  /** Millicores. */
  cpu: number
  /** Ports it listens on in the pod's network namespace. */
  listening?: number[]
  /** SIGSTOP'd. */
  stopped?: true
  /** Signals that came while the process was in the middle of its own step, delivered after it. */
  pending?: Signal[]
  /** Ended, not reaped yet (a zombie). */
  ended?: WaitStatus
  /** The exec session it belongs to, for its end. */
  session?: string
  /** How far it has read each file it reads through a descriptor (path -> characters). */
  offsets?: Record<string, number>
}

/** The image's layer diff: a changed or new entry, or null where the image's entry was removed (a whiteout). */
export type LayerDiff = Record<string, FsEntry | null>

export interface ContainerExit {
  /** Virtual ms. */
  finishedAt: number
  exitCode: number
  reason: string
  signal?: Signal
  message?: string
}

export interface ContainerRecord {
  id: string
  podUid: string
  name: string
  image: string
  /** Key of the image config kept on the node (`ctr-image/<digest of its JSON>`). */
  imageKey: string
  /** Virtual ms. */
  startedAt: number
  nextPid: number
  processes: Record<string, ProcessRecord>
  layer: LayerDiff
  mounts: Mount[]
  memoryLimitBytes?: number
  terminationMessagePath: string
  terminationMessagePolicy: 'File' | 'FallbackToLogsOnError'
  /** The next log row's number. */
  logSeq: number
  /** A stop under way: SIGKILL for whatever still runs at `killAt` (virtual ms). */
  stop?: { killAt: number }
  /** The container's environment and working directory (exec sessions start with them). */
  env: Record<string, string>
  workingDir: string
  /** Pipes and captures between its processes: text written and not read yet. */
  buffers?: Record<string, string>
  /** The memory cgroup ran out: every process was killed. */
  oomKilled?: true
  /** PID 1's stdin closes after the first attach (`stdinOnce`), and has (`stdinClosed`): its reads see EOF. */
  stdinOnce?: true
  stdinClosed?: true
  exit?: ContainerExit
}

export interface SandboxRecord {
  uid: string
  namespace: string
  podName: string
  ip: string
  hostname: string
  hostNetwork: boolean
  /** Every container of the pod the runtime still knows, dead ones included, in creation order. */
  containers: string[]
  /** emptyDir volumes by name: their files, shared by the pod's containers. */
  emptyDirs: Record<string, FsState>
  /** The instant the pod's processes have been run to (virtual ms). */
  runAt: number
}

export const containerKey = (containerId: string): string => `ctr/${containerId}`
export const sandboxKey = (podUid: string): string => `sandbox/${podUid}`

/** What a container's processes use now: the summed resident memory (bytes) and CPU (millicores) of the live ones. */
export function containerUsage(c: ContainerRecord): { memoryBytes: number; cpuMillicores: number } {
  let memoryBytes = 0
  let cpuMillicores = 0
  for (const p of Object.values(c.processes)) {
    if (p.ended) continue
    memoryBytes += p.rss
    cpuMillicores += p.cpu
  }
  return { memoryBytes, cpuMillicores }
}
