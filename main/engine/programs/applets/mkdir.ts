// mkdir [-p] [-m MODE] DIR...: creates directories; -p makes the parents and accepts existing ones.

import type { Program } from '../../process/program'
import { usageError } from '../busybox/usage'
import { absolute, complain, type Flavour, type Invocation, oneShot } from '../kit'
import { fileError } from './file-errors'

export function mkdirProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    const args = inv.argv.slice(1)
    let parents = false
    let mode = 0o755
    const dirs: string[] = []
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!
      if (arg === '-p' || arg === '--parents') parents = true
      else if (arg === '-m') mode = parseInt(args[++i] ?? '755', 8)
      else if (/^-m\d+$/.test(arg)) mode = parseInt(arg.slice(2), 8)
      else dirs.push(arg)
    }
    if (dirs.length === 0) return usageError(sys, flavour, 'mkdir', 'missing operand')
    let status = 0
    for (const dir of dirs) {
      const e = sys.fs.mkdir(absolute(inv, dir), { parents, mode })
      if (e) {
        fileError(sys, 'mkdir', flavour, { busybox: "can't create directory", gnu: 'cannot create directory' }, dir, e)
        status = 1
      }
    }
    return status
  })
}
