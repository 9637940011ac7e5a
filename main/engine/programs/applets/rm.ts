// rm [-rRf] FILE...: removes files, and directories with -r; -f is quiet about missing files.

import { isErrno } from '../../process/errno'
import type { Program } from '../../process/program'
import { usageError } from '../busybox/usage'
import { absolute, complain, type Flavour, type Invocation, oneShot } from '../kit'
import { fileError } from './file-errors'

export function rmProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    let recursive = false
    let force = false
    const files: string[] = []
    let options = true
    for (const arg of inv.argv.slice(1)) {
      if (options && arg === '--') options = false
      else if (options && /^-[rRfiv]+$/.test(arg)) {
        recursive ||= /[rR]/.test(arg)
        force ||= arg.includes('f')
      } else if (options && arg === '--recursive') recursive = true
      else if (options && arg === '--force') force = true
      else files.push(arg)
    }
    if (files.length === 0) {
      if (force) return 0
      return usageError(sys, flavour, 'rm', 'missing operand')
    }
    let status = 0
    for (const file of files) {
      const path = absolute(inv, file)
      const found = sys.fs.lstat(path)
      if (isErrno(found)) {
        if (!(force && found === 'ENOENT')) {
          fileError(sys, 'rm', flavour, { busybox: "can't remove", gnu: 'cannot remove' }, file, found)
          status = 1
        }
        continue
      }
      if (found.kind === 'dir' && !recursive) {
        if (flavour === 'busybox') complain(sys, `rm: '${file}' is a directory`)
        else fileError(sys, 'rm', flavour, { busybox: '', gnu: 'cannot remove' }, file, 'EISDIR')
        status = 1
        continue
      }
      const e = found.kind === 'dir' ? sys.fs.rmdir(path, { recursive: true }) : sys.fs.unlink(path)
      if (e) {
        fileError(sys, 'rm', flavour, { busybox: "can't remove", gnu: 'cannot remove' }, file, e)
        status = 1
      }
    }
    return status
  })
}
