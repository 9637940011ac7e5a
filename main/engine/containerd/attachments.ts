// pods/attach on the runtime (CRI Attach): clients attached to a container's PID 1. Each hears the container's
// output from the moment it attaches (what PID 1 printed before, a shell's first prompt, is only in the log: hence
// kubectl's "If you don't see a command prompt, try pressing enter."); the one attached with stdin feeds PID 1's
// stdin, which a container with `stdin: true` keeps open with nobody attached (reads wait). With `stdinOnce` the
// stdin closes for good when that first client detaches or closes its end (containerd's StdinOnce), so a shell
// started by `kubectl run -it` exits when the learner leaves it.

import { attachSession } from './kernel-host'
import type { ContainerRecord } from './state'

/** One attached client. */
export interface Attached {
  node: string
  containerId: string
  stdin: boolean
  /** Typed and not read yet. */
  input: string
  /** The client closed its stdin (Ctrl-D on a pipe's end). */
  inputClosed: boolean
  onOutput: (stream: 'stdout' | 'stderr', text: string) => void
  /** PID 1 ended with this exit code: the attach is over. */
  onEnd: (exitCode: number) => void
}

/** The attached clients of every container of this runtime, by attach id (`attach/<containerId>/<n>`). */
export class Attachments {
  private readonly byId = new Map<string, Attached>()
  private next = 1

  add(client: Attached): string {
    const id = `${attachSession(client.containerId)}/${this.next++}`
    this.byId.set(id, client)
    return id
  }

  get(id: string): Attached | undefined {
    return this.byId.get(id)
  }

  /** Forgets `id`; PID 1's stdin closes for good when it was the stdin client of a `stdinOnce` container. */
  remove(id: string, c: ContainerRecord | undefined): void {
    const client = this.byId.get(id)
    if (!client) return
    this.byId.delete(id)
    if (client.stdin && c?.stdinOnce) c.stdinClosed = true
  }

  /** PID 1 wrote `text`: every client of `c` hears it. */
  output(c: ContainerRecord, stream: 'stdout' | 'stderr', text: string): void {
    for (const client of this.of(c.id)) client.onOutput(stream, text)
  }

  /**
   * A read of PID 1's stdin (`peek`: without taking it): the stdin client's typed text, 'eof' once closed, else
   * 'wait' (nobody attached, or nothing typed yet).
   */
  read(c: ContainerRecord, peek: boolean): string | 'eof' | 'wait' {
    if (c.stdinClosed) return 'eof'
    const client = this.of(c.id).find((a) => a.stdin)
    if (!client) return 'wait'
    if (client.input !== '') {
      const text = client.input
      if (!peek) client.input = ''
      return text
    }
    if (!client.inputClosed) return 'wait'
    if (!peek && c.stdinOnce) c.stdinClosed = true
    return 'eof'
  }

  /** `c`'s PID 1 ended: each of its clients hears the exit code and is forgotten. */
  ended(c: ContainerRecord): void {
    for (const [id, client] of [...this.byId]) {
      if (client.containerId !== c.id) continue
      this.byId.delete(id)
      client.onEnd(c.exit?.exitCode ?? 0)
    }
  }

  private of(containerId: string): Attached[] {
    return [...this.byId.values()].filter((a) => a.containerId === containerId)
  }
}
