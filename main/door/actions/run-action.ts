// Issue 11 item 8: `actions.run`. The line is built here from the typed action (actionCommand), never taken from
// the page, and run as a console job: the same line runner as a line typed into the console, so the button and
// the command it shows cannot drift apart.

import { actionCommand, type Action } from '../../contract'
import type { ConsoleJobs } from '../console/console-jobs'

/** Terminal width an action's job is run for, in columns (kubectl's tables are cut to it). */
const ACTION_COLUMNS = 160

/** Refused: the action needs the console's interactive terminal (`exec -it`), which a button's job has not. */
export class ActionNeedsTerminal extends Error {
  readonly reason = 'BadRequest' as const
  constructor(command: string) {
    super(`actions.run: ${command} opens an interactive shell; run it in the console (console.run)`)
  }
}

/**
 * Starts the command line `action` equals as a job of `jobs`; its output comes as that job's `console` deltas,
 * then a `console-exit`. Throws ActionNeedsTerminal for `exec`, TooManyJobs as console.run does.
 */
export function runAction(jobs: ConsoleJobs, action: Action): { command: string; job: string } {
  const command = actionCommand(action)
  if (action.kind === 'exec') throw new ActionNeedsTerminal(command)
  return { command, job: jobs.run(command, ACTION_COLUMNS) }
}
