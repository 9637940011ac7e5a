// Redirections: each changes one of the shell's descriptors for the command it is attached to (the caller puts
// the old ones back). Files are opened the way open(2) would: `>` truncates at once, `>>` creates, `<` must
// exist. Heredocs and `<<<` become buffers the command reads from.

import { ERRNO_TEXT, isErrno } from '../process/errno'
import { resolvePath } from '../process/memory-fs'
import type { FdTarget, Sys } from '../process/program'
import type { Redir } from './ast'
import type { Expander } from './expand'
import { prefix, redirectError } from './flavour'
import type { SavedInput, ShellState } from './state'

/** The descriptors' previous targets (null: it was not open), or the error text to print (status 1). */
export function applyRedirs(
  s: ShellState,
  sys: Sys,
  ex: Expander,
  redirs: Redir[],
): { saved: Record<string, FdTarget | null>; inbuf: SavedInput } | { error: string } {
  const saved: Record<string, FdTarget | null> = {}
  const inbuf: SavedInput = {}
  const set = (fd: number, target: FdTarget | null): void => {
    const key = String(fd)
    if (!(key in saved)) {
      saved[key] = s.fds[key] ?? null
      inbuf[key] = s.inbuf[key] ?? null
    }
    if (target) s.fds[key] = target
    else delete s.fds[key]
    delete s.inbuf[key]
  }
  for (const r of redirs) {
    const out = r.op.includes('>')
    const fd = r.fd ?? (out ? 1 : 0)
    if (r.heredoc || r.op === '<<<') {
      const text = r.op === '<<<' ? `${ex.string(r.word)}\n` : r.quoted ? r.heredoc!.parts.map((p) => ('v' in p ? p.v : '')).join('') : ex.heredoc(r.heredoc!)
      const buffer: FdTarget = { kind: 'buffer', id: `${sys.pid}.${s.seq++}` }
      sys.write(buffer, text)
      set(fd, buffer)
      continue
    }
    const word = ex.string(r.word)
    if (r.op === '>&' || r.op === '<&') {
      if (word === '-') set(fd, null)
      else if (/^\d+$/.test(word)) {
        const target = s.fds[word]
        if (!target) return { error: `${prefix(s)}${word}: Bad file descriptor\n` }
        set(fd, target)
      } else if (r.op === '>&') {
        const opened = open(s, sys, word, 'trunc')
        if ('error' in opened) return opened
        set(1, opened.target)
        set(2, opened.target)
      }
      continue
    }
    const opened = open(s, sys, word, r.op === '<' ? 'read' : r.op.includes('>>') ? 'append' : 'trunc')
    if ('error' in opened) return opened
    if (r.op === '&>' || r.op === '&>>') {
      set(1, opened.target)
      set(2, opened.target)
    } else set(fd, opened.target)
  }
  return { saved, inbuf }
}

function open(s: ShellState, sys: Sys, name: string, mode: 'read' | 'trunc' | 'append'): { target: FdTarget } | { error: string } {
  const path = resolvePath(s.cwd, name)
  if (path === '/dev/null') return { target: { kind: 'null' } }
  const fail = (errno: string): { error: string } => ({ error: redirectError(s, name, mode !== 'read', isErrno(errno) ? ERRNO_TEXT[errno] : errno) })
  if (mode === 'read') {
    const st = sys.fs.stat(path)
    if (typeof st === 'string') return fail(st)
    return { target: { kind: 'file', path, append: false } }
  }
  const bad = sys.fs.writeFile(path, '', { append: mode === 'append' })
  if (bad) return fail(bad)
  return { target: { kind: 'file', path, append: mode === 'append' } }
}

/**
 * Puts back what `applyRedirs` (or a pipeline stage) saved: the descriptors, and the read-ahead of those whose
 * previous one `inbuf` names; a descriptor it does not name keeps its read-ahead (a stage reading the shell's
 * own standard input consumed from the same buffer).
 */
export function restoreFds(s: ShellState, saved: Record<string, FdTarget | null>, inbuf: SavedInput = {}): void {
  for (const [fd, target] of Object.entries(saved)) {
    if (target) s.fds[fd] = target
    else delete s.fds[fd]
    if (!(fd in inbuf)) continue
    const before = inbuf[fd]
    if (before) s.inbuf[fd] = before
    else delete s.inbuf[fd]
  }
}
