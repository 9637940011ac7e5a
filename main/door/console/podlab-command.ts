// `podlab chaos ...` and `podlab node ...` typed into the console (and run by the UI's actions, which are these
// lines): the same functions `bin/podlab` runs (../podlab), on the console's engine. The rest of the CLI is about
// files and processes (serve, kubeconfig) or the clock, which the page's own controls drive; the console says so
// rather than pretend.

import type { Engine } from '../../engine'
import { runChaosCommand } from '../podlab/chaos-command'
import { runNodeCommand } from '../podlab/node-command'

interface Output {
  stdout: string
  stderr: string
  exitCode: number
}

const USAGE = `The console runs these podlab commands (the others belong to a terminal):
  podlab chaos kill|oom|delete|fill-disk|free-disk|random|stop ...   (podlab chaos --help)
  podlab node add|delete|stop|start|partition|heal NAME ...
`

/** `podlab ARGS` in the console: its output and status. Never throws. */
export function runPodlabInConsole(engine: Engine, args: string[]): Output {
  const [command, ...rest] = args
  switch (command) {
    case 'chaos':
      return runChaosCommand(engine, rest)
    case 'node':
      return runNodeCommand(engine, rest)
    case 'advance':
      return { stdout: '', stderr: "podlab: the console does not run podlab advance: the clock's controls above move the cluster's time\n", exitCode: 1 }
    case 'kubectl':
      return { stdout: '', stderr: 'podlab: in the console, type kubectl itself: kubectl ' + rest.join(' ') + '\n', exitCode: 1 }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { stdout: USAGE, stderr: '', exitCode: command === undefined ? 1 : 0 }
    default:
      return { stdout: '', stderr: `podlab: the console does not run podlab ${command}\n${USAGE}`, exitCode: 1 }
  }
}
