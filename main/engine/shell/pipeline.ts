// Pipeline stages run one after another, each with the text the previous one wrote buffered as its input: a
// stage that waits on the clock (or for more input than was written) holds the next one back, and a stage
// that never ends (`yes | head -1`) never lets the pipeline finish. Each stage is a subshell, as in ash/dash.

import type { FdTarget } from '../process/program'
import type { Stmt } from './ast'
import type { Machine } from './machine'
import { scopeOf } from './scope'
import type { Frame, SavedInput } from './state'

/** Starts the pipeline's next stage with its descriptors 0 and 1 on the buffers between stages. */
export function stepPipe(m: Machine, f: Extract<Frame, { k: 'pipe' }>): undefined {
  const s = m.s
  const cmd = m.script(f.src).stmts[f.id]!.cmd as Extract<Stmt['cmd'], { t: 'pipe' }>
  if (f.i >= cmd.stages.length) {
    s.stack.pop()
    return undefined
  }
  const last = f.i === cmd.stages.length - 1
  const saved: Record<string, FdTarget | null> = { '0': s.fds['0'] ?? null, '1': s.fds['1'] ?? null }
  // A later stage reads the pipe; the shell's own read-ahead (the rest of a paste) waits for the pipeline's end.
  const inbuf: SavedInput = {}
  if (f.input) {
    inbuf['0'] = s.inbuf['0'] ?? null
    s.fds['0'] = { kind: 'buffer', id: f.input }
    delete s.inbuf['0']
  }
  m.push({ k: 'restore', fds: saved, inbuf })
  const output = last ? undefined : `${m.sys.pid}.${s.seq++}`
  if (output) s.fds['1'] = { kind: 'buffer', id: output }
  f.i++
  if (output) f.input = output
  else delete f.input
  m.push({ k: 'subshell', saved: scopeOf(s) })
  m.push({ k: 'list', src: f.src, list: cmd.stages[f.i - 1]!, i: 0 })
  return undefined
}
