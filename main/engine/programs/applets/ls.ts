// ls [-1aAldF] [FILE]...: one name a line (ls's layout when stdout is not a terminal: a log, a pipe, a
// non-tty exec), -l in the flavour's long layout: busybox's fixed columns (coreutils/ls.c: "%-10s %4lu %-8s
// %-8s %9u %.12s") or GNU's aligned ones. Files named on the command line come first, then each directory.

import { isErrno } from '../../process/errno'
import type { Program, Stat, Sys } from '../../process/program'
import { absolute, type Flavour, type Invocation, oneShot } from '../kit'
import { fileError } from './file-errors'
import { lsTime, modeString, nameOf } from './ls-format'

interface Entry {
  name: string
  path: string
  stat: Stat
}

interface Options {
  long: boolean
  all: boolean
  almostAll: boolean
  directory: boolean
  classify: boolean
}

function blocks(stat: Stat): number {
  if (stat.kind === 'dir') return 8
  if (stat.kind !== 'file') return 0
  return Math.ceil(stat.size / 4096) * 8
}

function nlink(sys: Sys, entry: Entry): number {
  if (entry.stat.kind !== 'dir') return 1
  const names = sys.fs.readdir(entry.path)
  if (isErrno(names)) return 2
  return 2 + names.filter((n) => {
    const s = sys.fs.lstat(`${entry.path === '/' ? '' : entry.path}/${n}`)
    return !isErrno(s) && s.kind === 'dir'
  }).length
}

function classifier(stat: Stat): string {
  if (stat.kind === 'dir') return '/'
  if (stat.kind === 'symlink') return '@'
  return stat.kind === 'file' && (stat.mode & 0o111) !== 0 ? '*' : ''
}

function longLines(sys: Sys, flavour: Flavour, entries: Entry[], opts: Options): string[] {
  const rows = entries.map((e) => ({
    mode: modeString(e.stat),
    links: String(nlink(sys, e)),
    user: nameOf(sys, '/etc/passwd', e.stat.uid),
    group: nameOf(sys, '/etc/group', e.stat.gid),
    size: e.stat.kind === 'chardev' ? (flavour === 'busybox' ? '   1,   3' : '1, 3') : String(e.stat.size),
    time: lsTime(e.stat.mtimeMs, sys.now()),
    name: e.name + (e.stat.kind === 'symlink' ? ` -> ${e.stat.target ?? ''}` : opts.classify ? classifier(e.stat) : ''),
  }))
  if (flavour === 'busybox') {
    return rows.map((r) => `${r.mode.padEnd(10)} ${r.links.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.time} ${r.name}`)
  }
  const width = (key: 'links' | 'user' | 'group' | 'size') => Math.max(...rows.map((r) => r[key].length))
  const [wl, wu, wg, ws] = [width('links'), width('user'), width('group'), width('size')]
  return rows.map((r) => `${r.mode} ${r.links.padStart(wl)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.time} ${r.name}`)
}

function show(sys: Sys, flavour: Flavour, entries: Entry[], opts: Options): string[] {
  if (opts.long) return longLines(sys, flavour, entries, opts)
  return entries.map((e) => e.name + (opts.classify ? classifier(e.stat) : ''))
}

function dirEntries(sys: Sys, dir: Entry, opts: Options): Entry[] {
  const names = sys.fs.readdir(dir.path)
  if (isErrno(names)) return []
  const inside = (n: string) => (dir.path === '/' ? `/${n}` : `${dir.path}/${n}`)
  const listed = names.filter((n) => opts.all || opts.almostAll || !n.startsWith('.'))
  const entries: Entry[] = []
  if (opts.all) {
    entries.push({ name: '.', path: dir.path, stat: dir.stat })
    const parent = dir.path === '/' ? '/' : dir.path.slice(0, dir.path.lastIndexOf('/')) || '/'
    const parentStat = sys.fs.stat(parent)
    entries.push({ name: '..', path: parent, stat: isErrno(parentStat) ? dir.stat : parentStat })
  }
  for (const name of listed) {
    const stat = sys.fs.lstat(inside(name))
    if (!isErrno(stat)) entries.push({ name, path: inside(name), stat })
  }
  return entries
}

export function lsProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    const opts: Options = { long: false, all: false, almostAll: false, directory: false, classify: false }
    const operands: string[] = []
    for (const arg of inv.argv.slice(1)) {
      if (/^-[a-zA-Z1]+$/.test(arg)) {
        for (const f of arg.slice(1)) {
          if (f === 'l') opts.long = true
          else if (f === 'a') opts.all = true
          else if (f === 'A') opts.almostAll = true
          else if (f === 'd') opts.directory = true
          else if (f === 'F') opts.classify = true
        }
      } else operands.push(arg)
    }
    const named = operands.length > 0 ? operands : ['.']
    let status = 0
    const files: Entry[] = []
    const dirs: Entry[] = []
    for (const operand of named) {
      const path = absolute(inv, operand)
      const stat = sys.fs.stat(path)
      if (isErrno(stat)) {
        fileError(sys, 'ls', flavour, { busybox: '', gnu: 'cannot access' }, operand, stat)
        status = flavour === 'gnu' ? 2 : 1
        continue
      }
      const lstat = sys.fs.lstat(path)
      const entry = { name: operand, path, stat: opts.long && !isErrno(lstat) ? lstat : stat }
      if (stat.kind === 'dir' && !opts.directory && entry.stat.kind === 'dir') dirs.push(entry)
      else files.push(entry)
    }
    const out: string[] = show(sys, flavour, files, opts)
    const headed = named.length > 1
    for (const dir of dirs) {
      if (out.length > 0) out.push('')
      if (headed) out.push(`${dir.name}:`)
      const entries = dirEntries(sys, dir, opts)
      if (opts.long) out.push(`total ${flavour === 'busybox' ? (1 + entries.reduce((n, e) => n + blocks(e.stat), 0)) >> 1 : entries.reduce((n, e) => n + blocks(e.stat), 0) / 2}`)
      out.push(...show(sys, flavour, entries, opts))
    }
    if (out.length > 0) sys.write(1, `${out.join('\n')}\n`)
    return status
  })
}
