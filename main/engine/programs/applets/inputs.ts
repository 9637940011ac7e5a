// The texts a filter (head, wc, grep, rev...) reads: each file operand, or stdin for `-` and for no operand.
// A file that cannot be read prints the flavour's error and is skipped (the status becomes 1).

import { isErrno } from '../../process/errno'
import type { Sys } from '../../process/program'
import { absolute, errnoText, type Flavour, type Invocation } from '../kit'
import { fileError } from './file-errors'

export interface Input {
  /** The operand as given ('-' or none: 'standard input'). */
  name: string
  text: string
  fromStdin: boolean
}

/** Whether the operands ask for stdin. */
export function wantsStdin(operands: string[]): boolean {
  return operands.length === 0 || operands.includes('-')
}

/** The operands' texts. A failed open reads `prog: can't open 'x': ...` (busybox; grep says `prog: x: ...`), GNU `prog: x: ...` (head and tail: `cannot open 'x' for reading: ...`). */
export function readInputs(
  sys: Sys,
  inv: Invocation,
  prog: string,
  flavour: Flavour,
  operands: string[],
  stdin: string | undefined,
  gnuWords: 'plain' | 'cannot open for reading' = 'plain',
  busyboxWords: "can't open" | '' = "can't open",
): { inputs: Input[]; status: number } {
  const inputs: Input[] = []
  let status = 0
  for (const operand of operands.length > 0 ? operands : ['-']) {
    if (operand === '-') {
      inputs.push({ name: 'standard input', text: stdin ?? '', fromStdin: true })
      continue
    }
    const text = sys.fs.readFile(absolute(inv, operand))
    if (isErrno(text)) {
      if (flavour === 'gnu' && gnuWords === 'cannot open for reading') sys.write(2, `${prog}: cannot open '${operand}' for reading: ${errnoText(text)}\n`)
      else if (flavour === 'busybox' && text === 'EISDIR') sys.write(2, `${prog}: read error: Is a directory\n`)
      else fileError(sys, prog, flavour, { busybox: busyboxWords, gnu: '' }, operand, text)
      status = 1
      continue
    }
    inputs.push({ name: operand, text, fromStdin: false })
  }
  return { inputs, status }
}

