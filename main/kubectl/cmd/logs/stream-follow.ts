// A Follow over an engine stream opened before the verb returns (`logs -f`'s followers, `exec -it`'s session): the
// stream is opened in run() so that its refusal is the verb's error, and what it says before the host calls
// start() is kept and handed over first. Once ended, nothing more is written.

import type { Follow } from '../../io'

type Write = (stream: 'stdout' | 'stderr', text: string) => void

export class StreamFollow implements Follow {
  private pending: Array<{ stream: 'stdout' | 'stderr'; text: string }> = []
  private ended: number | undefined
  private write: Write | undefined
  private end: ((exitCode: number) => void) | undefined
  private stopped = false

  /** `close` stops the engine stream (the host's Ctrl+C, or after the end). */
  constructor(private readonly close: () => void) {}

  /** Output of the stream: written now when started, else kept for start(). */
  emit(stream: 'stdout' | 'stderr', text: string): void {
    if (this.stopped || this.ended !== undefined || text === '') return
    if (this.write) this.write(stream, text)
    else this.pending.push({ stream, text })
  }

  /** The stream is over with `exitCode`: the host hears it now when started, else at start(). */
  finish(exitCode: number): void {
    if (this.stopped || this.ended !== undefined) return
    this.ended = exitCode
    if (this.end) this.end(exitCode)
  }

  get over(): boolean {
    return this.ended !== undefined
  }

  start(write: Write, end: (exitCode: number) => void): () => void {
    this.write = write
    this.end = end
    for (const p of this.pending) write(p.stream, p.text)
    this.pending = []
    if (this.ended !== undefined) end(this.ended)
    return () => {
      if (this.stopped) return
      this.stopped = true
      this.close()
    }
  }
}
