// node and python as the official images run them by default: a REPL on stdin. A container's stdin is
// /dev/null unless `stdin: true`, so the REPL reads end of file and exits 0 at once (the pod crash-loops, as a
// real `kubectl run --image=python` does). Podlab does not run Python or JavaScript: a script, `-c`/`-e` code or
// a module is refused with that said on stderr and status 1, never faked. `--version` prints the version.

import type { Program, Sys } from '../../process/program'
import { complain, type Invocation, invocation, say } from '../kit'
import { softwareVersion } from './image-version'

interface ReplState {
  inv: Invocation
}

type Language = 'python' | 'node'

const NOT_SIMULATED = (what: string): string => `Podlab does not run ${what} programs yet: only the interactive prompt is simulated (it ends at end of input).`

function version(inv: Invocation, language: Language): string {
  return language === 'python' ? softwareVersion(inv, 'PYTHON_VERSION', '3.13.1') : softwareVersion(inv, 'NODE_VERSION', '22.12.0')
}

function refuse(sys: Sys, language: Language): { exit: number } {
  complain(sys, NOT_SIMULATED(language === 'python' ? 'Python' : 'JavaScript'))
  return { exit: 1 }
}

export function interpreter(language: Language): Program<ReplState> {
  return {
    start: (ctx) => ({ inv: invocation(ctx) }),
    run: (state, sys) => {
      const args = state.inv.argv.slice(1)
      if (args.includes('--version') || args.includes('-V') || args.includes('-v')) {
        say(sys, language === 'python' ? `Python ${version(state.inv, language)}` : `v${version(state.inv, language)}`)
        return { exit: 0 }
      }
      const interactive = args.filter((a) => a !== '-i' && a !== '-u' && a !== '-q')
      if (interactive.length > 0) return refuse(sys, language)
      // Read lines until end of file; anything typed is code, which is not simulated.
      for (;;) {
        const got = sys.read(0)
        if (got === 'wait') return { state, block: { input: true } }
        if (got === 'eof') return { exit: 0 }
        if (got.trim() !== '') complain(sys, NOT_SIMULATED(language === 'python' ? 'Python' : 'JavaScript'))
      }
    },
    handles: (_state, sig) => sig === 'SIGINT',
    signal: (state, _sig, sys) => {
      complain(sys, language === 'python' ? '\nKeyboardInterrupt' : '\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)')
      return { state, block: { input: true } }
    },
  }
}
