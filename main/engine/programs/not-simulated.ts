// The executables an image has that Podlab does not simulate. They exist (a shell finds them, `ls` lists them),
// so a learner's command is never told the file is missing when a real container has it; instead:
// - `daemon:<name>`: a server the docs run whose behaviour no source showed (echoserver, serve_hostname, the
//   guestbook images...): it starts, idles until stopped, and ends on SIGTERM/SIGINT/SIGQUIT with 0;
// - anything else (most of coreutils, apk, sed, ...): it says plainly on stderr that Podlab does not simulate it
//   yet and exits 1, so a script that depends on its output fails visibly rather than silently going on.

import type { Program } from '../process/program'
import type { Signal } from '../process/signals'
import { server, type ServerState } from './daemons/server'

const STOPS: Signal[] = ['SIGTERM', 'SIGINT', 'SIGQUIT']

/** An inferred server listening on `ports` (its image's declared ports): idles with a small footprint until a stop signal. */
function inferredDaemon(ports: number[]): Program<ServerState> {
  return server({
    boot: () => ({ listen: ports, rssBytes: 8 * 1024 * 1024, cpuMillicores: 1 }),
    signals: Object.fromEntries(STOPS.map((s) => [s, () => ({ exit: 0 })])),
  })
}

/** An inferred server that listens on nothing. */
export const idleDaemon: Program<ServerState> = inferredDaemon([])

const listening = new Map<string, Program<ServerState>>()

/**
 * The program of `daemon:<name>` or `daemon:<name>@<port>,<port>` (images/catalog/define.ts listeningDaemons):
 * an inferred server, listening on those ports.
 */
export function inferredDaemonFor(id: string): Program<ServerState> {
  const at = id.indexOf('@')
  if (at < 0) return idleDaemon
  let program = listening.get(id)
  if (!program) listening.set(id, (program = inferredDaemon(id.slice(at + 1).split(',').map(Number))))
  return program
}

interface NotSimulatedState {
  name: string
}

/** Any other executable without a program: one line on stderr, exit 1. */
export const notSimulated: Program<NotSimulatedState> = {
  start: (ctx) => ({ name: ctx.argv[0] ?? ctx.path }),
  run: (state, sys) => {
    sys.write(2, `${state.name}: Podlab does not simulate this program yet\n`)
    return { exit: 1 }
  },
  handles: () => false,
  signal: () => ({ exit: 1 }),
}
