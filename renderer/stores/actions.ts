// Issue 11 item 8: the actions a learner takes from the UI. Each one is run by the door as the command line it
// equals (`actions.run`): the store starts it, gathers its job's `console` deltas, and keeps the last result for
// the status line (ActionStatus.vue). `exec` is not a job of its own: its line is handed to the console's
// terminal (useConsoleStore().requestLine), where its shell is interactive.

import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { actionCommand, type Action, type ContractError } from '../../main/contract'
import { useApi } from '../adapter/inject'
import { useConsoleStore } from './console'

/** What an action printed once its job ended: as in a terminal, its command, output and exit status. */
export interface ActionResult {
  command: string
  stdout: string
  stderr: string
  exitCode: number
}

interface Running {
  command: string
  stdout: string
  stderr: string
  done: (result: ActionResult) => void
}

/** The most output kept for the status line, in UTF-16 units (a drain of many pods prints a line per pod). */
const MAX_KEPT_OUTPUT = 16 * 1024

export const useActionsStore = defineStore('actions', () => {
  const api = useApi()
  const consoleStore = useConsoleStore()
  /** The result of the action that ended last, for the status line; null until one ends or after dismiss(). */
  const last = shallowRef<ActionResult | null>(null)
  /** The door's refusal of the last action (offline, too many jobs), or null. */
  const error = shallowRef<ContractError | null>(null)
  /** The commands running now. */
  const running = ref<string[]>([])
  /** Random chaos as this page last turned it (the engine does not report it yet): null when unknown. */
  const chaosOn = ref<boolean | null>(null)
  const jobs = new Map<string, Running>()

  api.onDelta((delta) => {
    if (delta.type !== 'console' && delta.type !== 'console-exit') return
    const job = jobs.get(delta.job)
    if (!job) return
    if (delta.type === 'console') {
      if (delta.stream === 'stdout') job.stdout = (job.stdout + delta.text).slice(-MAX_KEPT_OUTPUT)
      else job.stderr = (job.stderr + delta.text).slice(-MAX_KEPT_OUTPUT)
      return
    }
    jobs.delete(delta.job)
    job.done({ command: job.command, stdout: job.stdout, stderr: job.stderr, exitCode: delta.code })
  })

  /**
   * Runs `action` (not `exec`: see openShell) and resolves with its result once its job has ended, or with the
   * door's refusal.
   */
  async function run(action: Action): Promise<ActionResult | ContractError> {
    const command = actionCommand(action)
    running.value = [...running.value, command]
    error.value = null
    try {
      const reply = await api['actions.run']({ action })
      if (!reply.ok) {
        error.value = reply.error
        return reply.error
      }
      const result = await new Promise<ActionResult>((done) => jobs.set(reply.result.job, { command: reply.result.command, stdout: '', stderr: '', done }))
      last.value = result
      if (result.exitCode === 0 && (action.kind === 'chaos-on' || action.kind === 'chaos-off')) chaosOn.value = action.kind === 'chaos-on'
      return result
    } finally {
      const i = running.value.indexOf(command)
      if (i >= 0) running.value = running.value.filter((_c, k) => k !== i)
    }
  }

  /** `kubectl exec -it POD -- sh` typed into the console's terminal; false when a line runs there already. */
  function openShell(action: Extract<Action, { kind: 'exec' }>): boolean {
    return consoleStore.requestLine(actionCommand(action))
  }

  function dismiss(): void {
    last.value = null
    error.value = null
  }

  return { last, error, running, chaosOn, run, openShell, dismiss }
})
