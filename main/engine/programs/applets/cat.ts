// cat [-n] [FILE|-]...: each file in turn, stdin for `-` or no operand (passed on as it comes, so `cat` in an
// interactive session echoes each line). A missing file prints the flavour's error and makes the status 1.

import { isErrno } from '../../process/errno'
import type { Program } from '../../process/program'
import { absolute, type Flavour, type Invocation, invocation } from '../kit'
import { fileError } from './file-errors'

interface CatState {
  inv: Invocation
  operands: string[]
  next: number
  status: number
  numbered: boolean
  line: number
  atLineStart: boolean
}

export function catProgram(flavour: Flavour): Program<CatState> {
  const number = (state: CatState, text: string): string => {
    if (!state.numbered) return text
    let out = ''
    for (const ch of text) {
      if (state.atLineStart) out += `${String(++state.line).padStart(6)}\t`
      out += ch
      state.atLineStart = ch === '\n'
    }
    return out
  }
  return {
    start: (ctx) => {
      const inv = invocation(ctx)
      const args = inv.argv.slice(1)
      const numbered = args.includes('-n')
      const operands = args.filter((a) => a === '-' || !a.startsWith('-'))
      return { inv, operands: operands.length > 0 ? operands : ['-'], next: 0, status: 0, numbered, line: 0, atLineStart: true }
    },
    run: (state, sys) => {
      const s = { ...state }
      for (; s.next < s.operands.length; s.next++) {
        const operand = s.operands[s.next]!
        if (operand === '-') {
          for (;;) {
            const got = sys.read(0)
            if (got === 'wait') return { state: s, block: { input: true } }
            if (got === 'eof') break
            sys.write(1, number(s, got))
          }
          continue
        }
        const text = sys.fs.readFile(absolute(s.inv, operand))
        if (isErrno(text)) {
          if (text === 'EISDIR' && flavour === 'busybox') sys.write(2, 'cat: read error: Is a directory\n')
          else fileError(sys, 'cat', flavour, { busybox: "can't open", gnu: '' }, operand, text)
          s.status = 1
          continue
        }
        sys.write(1, number(s, text))
      }
      return { exit: s.status }
    },
    handles: () => false,
    signal: () => ({ exit: 0 }),
  }
}
