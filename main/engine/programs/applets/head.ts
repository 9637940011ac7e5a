// head [-n N | -N] [-c N] [FILE]...: the first lines (10) or bytes; "==> name <==" headers for several files.

import type { Program } from '../../process/program'
import type { FilterState } from '../kit'
import { type Flavour, linesWithEnds, stdinFilter } from '../kit'
import { readInputs, wantsStdin } from './inputs'

function parse(args: string[]): { lines: number; bytes: number | undefined; operands: string[] } {
  let lines = 10
  let bytes: number | undefined
  const operands: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '-n') lines = Number(args[++i] ?? 10)
    else if (/^-n\d+$/.test(arg)) lines = Number(arg.slice(2))
    else if (/^-\d+$/.test(arg)) lines = Number(arg.slice(1))
    else if (arg === '-c') bytes = Number(args[++i] ?? 0)
    else if (/^-c\d+$/.test(arg)) bytes = Number(arg.slice(2))
    else if (arg !== '-q' && arg !== '-v') operands.push(arg)
  }
  return { lines, bytes, operands }
}

export function headProgram(flavour: Flavour): Program<FilterState> {
  return stdinFilter(
    (inv) => wantsStdin(parse(inv.argv.slice(1)).operands),
    (inv, sys, stdin) => {
      const { lines, bytes, operands } = parse(inv.argv.slice(1))
      const { inputs, status } = readInputs(sys, inv, 'head', flavour, operands, stdin, 'cannot open for reading')
      let out = ''
      for (const [i, input] of inputs.entries()) {
        if (inputs.length > 1) out += `${i > 0 ? '\n' : ''}==> ${input.fromStdin ? 'standard input' : input.name} <==\n`
        if (bytes !== undefined) out += input.text.slice(0, bytes)
        else out += linesWithEnds(input.text).slice(0, lines).join('')
      }
      sys.write(1, out)
      return status
    },
  )
}
