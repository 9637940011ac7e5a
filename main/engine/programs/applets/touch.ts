// touch [-c] FILE...: creates an empty file, or sets an existing one's mtime to now.

import { isErrno } from '../../process/errno'
import type { Program } from '../../process/program'
import { usageError } from '../busybox/usage'
import { absolute, complain, type Flavour, type Invocation, oneShot } from '../kit'
import { fileError } from './file-errors'

export function touchProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    const args = inv.argv.slice(1)
    const noCreate = args.includes('-c')
    const files = args.filter((a) => !a.startsWith('-') || a === '-')
    if (files.length === 0) return usageError(sys, flavour, 'touch', 'missing file operand')
    let status = 0
    for (const file of files) {
      const path = absolute(inv, file)
      const found = sys.fs.stat(path)
      const e = isErrno(found) ? (noCreate && found === 'ENOENT' ? undefined : sys.fs.writeFile(path, '', { append: true })) : sys.fs.utimes(path, sys.now())
      if (e) {
        fileError(sys, 'touch', flavour, { busybox: '', gnu: 'cannot touch' }, file, e)
        status = 1
      }
    }
    return status
  })
}
