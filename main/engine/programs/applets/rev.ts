// rev [FILE]...: each line reversed (by characters).

import type { Program } from '../../process/program'
import { type FilterState, type Flavour, linesWithEnds, stdinFilter } from '../kit'
import { readInputs, wantsStdin } from './inputs'

export function revProgram(flavour: Flavour): Program<FilterState> {
  return stdinFilter(
    (inv) => wantsStdin(inv.argv.slice(1)),
    (inv, sys, stdin) => {
      const { inputs, status } = readInputs(sys, inv, 'rev', flavour, inv.argv.slice(1), stdin)
      let out = ''
      for (const input of inputs) {
        for (const line of linesWithEnds(input.text)) {
          const body = line.endsWith('\n') ? line.slice(0, -1) : line
          out += [...body].reverse().join('') + (line.endsWith('\n') ? '\n' : '')
        }
      }
      sys.write(1, out)
      return status
    },
  )
}
