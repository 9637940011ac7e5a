// The console's one running line: started with `console.run`, its output handed to whoever shows it as the
// `console` deltas for its job arrive, Ctrl+C and typed input sent to it, and its exit status when it ends.
// What a line means is the engine's business (main/door/console); this store only carries it.

import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ContractError } from '../../main/contract'
import { useApi } from '../adapter/inject'

export interface LineSink {
  output(stream: 'stdout' | 'stderr', text: string): void
}

export const useConsoleStore = defineStore('console', () => {
  const api = useApi()
  /** The job that runs now, or null at the prompt. */
  const job = ref<string | null>(null)
  /** The running job's `kubectl edit` editor, while it is open: kubectl's file text and its name. */
  const editing = ref<{ job: string; text: string; fileName: string } | null>(null)
  /** Bumped when something asks for the terminal's focus (the ` shortcut); ConsolePanel watches it. */
  const focusRequests = ref(0)
  let sink: LineSink | null = null
  let ended: ((code: number) => void) | null = null

  api.onDelta((delta) => {
    if (delta.type === 'console' && delta.job === job.value) sink?.output(delta.stream, delta.text)
    if (delta.type === 'console-edit' && delta.job === job.value) editing.value = { job: delta.job, text: delta.text, fileName: delta.fileName }
    if (delta.type === 'console-exit' && delta.job === job.value) {
      editing.value = null
      job.value = null
      ended?.(delta.code)
    }
  })

  /**
   * Runs `line` for a terminal `columns` wide; `started` is called once the door has named its job (input and
   * Ctrl+C reach it from then on). Resolves with its exit status, or the door's refusal.
   */
  function run(line: string, columns: number, to: LineSink, started: () => void = () => {}): Promise<number | ContractError> {
    sink = to
    return new Promise((resolve) => {
      void api['console.run']({ line, columns }).then((reply) => {
        if (!reply.ok) return resolve(reply.error)
        ended = resolve
        job.value = reply.result.job
        started()
      })
    })
  }

  function interrupt(): void {
    if (job.value !== null) void api['console.interrupt']({ job: job.value })
  }

  function input(text: string | 'eof'): void {
    if (job.value === null) return
    void api['console.input'](text === 'eof' ? { job: job.value, eof: true } : { job: job.value, text })
  }

  /** Tab: the candidates for the end of `line`; none when the door refuses. */
  async function complete(line: string): Promise<{ from: number; candidates: string[] }> {
    const reply = await api['console.complete']({ line })
    return reply.ok ? reply.result : { from: line.length, candidates: [] }
  }

  /** Save in the editor: kubectl goes on with `text` (and may reopen the editor with its reasons). */
  function saveEdit(text: string): void {
    const open = editing.value
    if (!open) return
    editing.value = null
    void api['console.edit']({ job: open.job, text })
  }

  /** Cancel or Escape: as kubectl's editor closed without saving. */
  function cancelEdit(): void {
    const open = editing.value
    if (!open) return
    editing.value = null
    void api['console.edit']({ job: open.job, cancel: true })
  }

  function requestFocus(): void {
    focusRequests.value++
  }

  /** Issue 11 item 8: a line for the terminal to type and run (exec's shell), as ConsolePanel takes it. */
  const lineRequest = ref<{ line: string; seq: number } | null>(null)
  /** Asks the terminal to type `line` and Enter; false (nothing typed) while a line runs there. */
  function requestLine(line: string): boolean {
    if (job.value !== null) return false
    lineRequest.value = { line, seq: (lineRequest.value?.seq ?? 0) + 1 }
    return true
  }

  return { job, editing, focusRequests, run, interrupt, input, complete, saveEdit, cancelEdit, requestFocus, lineRequest, requestLine }
})
