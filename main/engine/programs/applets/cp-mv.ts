// cp [-r] SOURCE... DEST and mv SOURCE... DEST: into DEST when it is a directory, else onto it.

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { usageError } from '../busybox/usage'
import { absolute, complain, type Flavour, type Invocation, oneShot } from '../kit'
import { fileError } from './file-errors'

function copyTree(sys: Sys, from: string, to: string): ReturnType<Sys['fs']['mkdir']> {
  const stat = sys.fs.stat(from)
  if (isErrno(stat)) return stat
  if (stat.kind !== 'dir') {
    const text = sys.fs.readFile(from)
    return isErrno(text) ? text : sys.fs.writeFile(to, text)
  }
  const made = sys.fs.mkdir(to)
  if (made && made !== 'EEXIST') return made
  const names = sys.fs.readdir(from)
  if (isErrno(names)) return names
  for (const name of names) {
    const e = copyTree(sys, `${from}/${name}`, `${to}/${name}`)
    if (e) return e
  }
  return undefined
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

export function cpMvProgram(which: 'cp' | 'mv', flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    const recursive = inv.argv.slice(1).some((a) => /^-[a-zA-Z]*[rRa]/.test(a))
    const operands = inv.argv.slice(1).filter((a) => !a.startsWith('-'))
    if (operands.length < 2) {
      return usageError(sys, flavour, which, operands.length === 0 ? 'missing file operand' : `missing destination file operand after '${operands[0]}'`)
    }
    const dest = operands.pop()!
    const destPath = absolute(inv, dest)
    const destStat = sys.fs.stat(destPath)
    const intoDir = !isErrno(destStat) && destStat.kind === 'dir'
    if (operands.length > 1 && !intoDir) {
      complain(sys, flavour === 'gnu' ? `${which}: target '${dest}' is not a directory` : `${which}: '${dest}' is not a directory`)
      return 1
    }
    let status = 0
    for (const source of operands) {
      const from = absolute(inv, source)
      const to = intoDir ? `${destPath === '/' ? '' : destPath}/${baseName(source)}` : destPath
      const stat = sys.fs.lstat(from)
      if (isErrno(stat)) {
        const words = which === 'cp' ? { busybox: "can't stat", gnu: 'cannot stat' } : { busybox: "can't rename", gnu: 'cannot stat' }
        fileError(sys, which, flavour, words, source, stat)
        status = 1
        continue
      }
      if (which === 'cp' && stat.kind === 'dir' && !recursive) {
        complain(sys, flavour === 'gnu' ? `cp: -r not specified; omitting directory '${source}'` : `cp: omitting directory '${source}'`)
        status = 1
        continue
      }
      const e = which === 'cp' ? copyTree(sys, from, to) : sys.fs.rename(from, to)
      if (e) {
        const words = which === 'cp' ? { busybox: "can't create", gnu: 'cannot create regular file' } : { busybox: "can't rename", gnu: 'cannot move' }
        fileError(sys, which, flavour, words, which === 'cp' ? to : source, e)
        status = 1
      }
    }
    return status
  })
}
