// A connection's console jobs: each `console.run` line runs as a job with an id; its output and its end go back
// as deltas, always after the call's reply (a line that prints at once must not reach the page before the page
// knows its job) and in the order they were printed. A closed connection stops its jobs (a watch must not go on
// for a page that is gone).

import type { Delta } from '../../contract'
import type { EditedFile } from '../../kubectl/io'
import { MAX_CONSOLE_JOBS } from '../../contract'
import type { Engine } from '../../engine'
import { runLine, type RunningLine } from './run-line'
import { memoryKubeconfig } from '../../kubectl/cmd/config/kubeconfig'

/** Refused: too many jobs already running on this connection. */
export class TooManyJobs extends Error {
  readonly reason = 'TooManyJobs' as const
  constructor() {
    super(`console.run: at most ${MAX_CONSOLE_JOBS} console lines can run at once; stop one with Ctrl+C first`)
  }
}

export class ConsoleJobs {
  private readonly jobs = new Map<string, RunningLine>()
  /** A job's open editor (`kubectl edit`): how to hand it what the page saved, or null for Cancel. */
  private readonly edits = new Map<string, (saved: EditedFile | null) => void>()
  private nextId = 1
  private queued: Delta[] = []
  private flushing = false
  private closed = false
  /** This connection's kubeconfig (its one context `podlab`): a set-context lasts until the page goes. */
  private readonly kubeconfig = memoryKubeconfig()

  constructor(
    private readonly engine: Engine,
    private readonly send: (delta: Delta) => void,
  ) {}

  /** Starts `line` for a terminal `columns` wide; returns its job id. Throws TooManyJobs. */
  run(line: string, columns: number): string {
    if (this.jobs.size >= MAX_CONSOLE_JOBS) throw new TooManyJobs()
    const job = String(this.nextId++)
    const running = runLine(line, {
      engine: this.engine,
      columns,
      kubeconfig: this.kubeconfig,
      // kubectl edit's editor is the page's: the text goes out as a delta, the answer comes back by console.edit.
      // The console has no files: nothing is stored, so kubectl names no copy of the changes.
      editor: (text, fileName) =>
        new Promise<EditedFile | null>((resolve) => {
          this.edits.set(job, resolve)
          this.queue({ type: 'console-edit', job, text, fileName })
        }),
      write: (stream, text) => {
        if (text !== '') this.queue({ type: 'console', job, stream, text })
      },
    })
    this.jobs.set(job, running)
    void running.done.then(
      (code) => this.ended(job, code),
      // The line runner prints its own failures; one that escapes it still ends the job for the page.
      (e: unknown) => {
        this.queue({ type: 'console', job, stream: 'stderr', text: `podlab: ${e instanceof Error ? e.message : String(e)}\n` })
        this.ended(job, 1)
      },
    )
    return job
  }

  /** Hands typed text (or end of input) to a running job; false when no such job runs. */
  input(job: string, text: string | 'eof'): boolean {
    const running = this.jobs.get(job)
    running?.input(text)
    return running !== undefined
  }

  /** Ctrl+C for a job; false when no such job runs. */
  interrupt(job: string): boolean {
    const running = this.jobs.get(job)
    running?.interrupt()
    return running !== undefined
  }

  /** What the page's editor saved for a job (`null`: Cancel); false when that job has no editor open. */
  edit(job: string, text: string | null): boolean {
    const resolve = this.edits.get(job)
    if (!resolve) return false
    this.edits.delete(job)
    resolve(text === null ? null : { text, path: '', remove: () => {} })
    return true
  }

  close(): void {
    this.closed = true
    for (const running of this.jobs.values()) running.interrupt()
    this.jobs.clear()
    this.edits.clear()
    this.queued = []
  }

  private ended(job: string, code: number): void {
    this.edits.delete(job)
    if (!this.jobs.delete(job)) return
    this.queue({ type: 'console-exit', job, code })
  }

  private queue(delta: Delta): void {
    if (this.closed) return
    const last = this.queued.at(-1)
    // Consecutive text of one job's stream travels as one delta.
    if (delta.type === 'console' && last?.type === 'console' && last.job === delta.job && last.stream === delta.stream) last.text += delta.text
    else this.queued.push(delta)
    if (this.flushing) return
    this.flushing = true
    setImmediate(() => {
      this.flushing = false
      const out = this.queued
      this.queued = []
      if (!this.closed) for (const d of out) this.send(d)
    })
  }
}
