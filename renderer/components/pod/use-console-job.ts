// Issue 11 item 3: a console job of the pod detail's own (a `kubectl logs -f`, an `exec -it` shell), apart from
// the console's one running line (stores/console.ts): its `console` deltas go to the tab that started it, and it
// is stopped (Ctrl+C, as the console does) when that tab closes, so no follow outlives what shows it.

import { onBeforeUnmount, ref } from 'vue'
import type { ContractError } from '../../../main/contract'
import { useApi } from '../../adapter/inject'

export interface JobSink {
  output(stream: 'stdout' | 'stderr', text: string): void
  exit(code: number): void
}

export function useConsoleJob() {
  const api = useApi()
  /** The running job, or null. */
  const job = ref<string | null>(null)
  let sink: JobSink | null = null
  let generation = 0

  const stopListening = api.onDelta((delta) => {
    if (delta.type === 'console' && delta.job === job.value) sink?.output(delta.stream, delta.text)
    if (delta.type === 'console-exit' && delta.job === job.value) {
      job.value = null
      sink?.exit(delta.code)
    }
  })

  /** Stops the running job (if any), then runs `line` for a terminal `columns` wide. Resolves with the door's refusal, or null. */
  async function run(line: string, columns: number, to: JobSink): Promise<ContractError | null> {
    stop()
    const mine = ++generation
    sink = to
    const reply = await api['console.run']({ line, columns })
    if (!reply.ok) return reply.error
    // Stopped or replaced while the door named it: it is nobody's now.
    if (mine !== generation) {
      void api['console.interrupt']({ job: reply.result.job })
      return null
    }
    job.value = reply.result.job
    return null
  }

  function input(text: string | 'eof'): void {
    if (job.value !== null) void api['console.input'](text === 'eof' ? { job: job.value, eof: true } : { job: job.value, text })
  }

  function stop(): void {
    generation++
    if (job.value !== null) void api['console.interrupt']({ job: job.value })
    job.value = null
  }

  onBeforeUnmount(() => {
    stop()
    stopListening()
  })

  return { job, run, input, stop }
}
