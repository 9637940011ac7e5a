// What a pod's kernel (kernel.ts) needs from its runtime (containerd.ts): the programs, the images, the log,
// exec sessions, the generator, and the news of a container's end.

import type { ImageConfig } from '../images/image-config'
import type { FsState } from '../process/memory-fs'
import type { Program, SpawnError, WaitStatus } from '../process/program'
import type { ContainerRecord } from './state'

/** The programs a container can run, by id (programs/index.ts programFor). */
export type ProgramTable = (id: string) => Program | undefined

/** What the kernel needs from its runtime: programs, images, the log, exec sessions, the generator. */
export interface KernelHost {
  programs: ProgramTable
  image(c: ContainerRecord): ImageConfig
  lowerLayer(c: ContainerRecord): FsState
  random(): number
  log(c: ContainerRecord, atMs: number, stream: 'stdout' | 'stderr', text: string): void
  /** The last lines of the container's log (for FallbackToLogsOnError). */
  logTail(c: ContainerRecord, lines: number): string
  sessionOutput(session: string, stream: 'stdout' | 'stderr', text: string): void
  /** The session's waiting input (taken unless `peek`), 'eof' once closed, or 'wait'. */
  sessionInput(session: string, peek: boolean): string | 'eof' | 'wait'
  sessionEnded(session: string, status: WaitStatus): void
  /** The container's PID 1 ended (PLEG). */
  exited(c: ContainerRecord): void
}

/** A spawn's failure as execvp reports it. */
export type ResolveResult = { path: string; program: string; argv: string[] } | SpawnError

/** The session id of a container's own stdin (`stdin: true`; `kubectl attach` would write to it). */
export const attachSession = (containerId: string): string => `attach/${containerId}`

