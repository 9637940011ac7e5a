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

/** An inferred server: idles with a small footprint until a stop signal. */
export const idleDaemon: Program<ServerState> = server({
  boot: () => ({ listen: [], rssBytes: 8 * 1024 * 1024, cpuMillicores: 1 }),
  signals: Object.fromEntries(STOPS.map((s) => [s, () => ({ exit: 0 })])),
})

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
