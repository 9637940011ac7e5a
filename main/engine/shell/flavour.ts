// What differs between busybox ash, dash and bash as a learner sees it: error prefixes, the not-found text,
// prompts, echo's options. Texts are the real ones (busybox shell/ash.c, dash src/error.c, bash's messages).

import type { ArithError } from './arith'
import type { Flavour, ShellState } from './state'

/** `sh: `, `sh: 1: `, `bash: line 1: ` (interactive bash and busybox omit the line). */
export function prefix(s: ShellState): string {
  switch (s.flavour) {
    case 'busybox':
      return `${s.arg0}: `
    case 'dash':
      return `${s.arg0}: ${s.line}: `
    case 'bash':
      return s.interactive ? `${s.arg0}: ` : `${s.arg0}: line ${s.line}: `
  }
}

/** The error for a command not on PATH (exit 127). `slash`: the name had a `/` (bash then says the errno). */
export function notFound(s: ShellState, name: string, slash: boolean): string {
  if (s.flavour === 'bash') return `${prefix(s)}${name}: ${slash ? 'No such file or directory' : 'command not found'}\n`
  return `${prefix(s)}${name}: not found\n`
}

export function permissionDenied(s: ShellState, name: string): string {
  return `${prefix(s)}${name}: Permission denied\n`
}

/** The primary prompt (PS1 as each image sets it up for root). */
export function prompt(s: ShellState): string {
  if (s.vars.PS1 !== undefined && s.flavour !== 'bash') return s.vars.PS1
  const home = s.home !== '/' && (s.cwd === s.home || s.cwd.startsWith(`${s.home}/`)) ? `~${s.cwd.slice(s.home.length)}` : s.cwd
  switch (s.flavour) {
    case 'busybox':
      return `${home} # `
    case 'dash':
      return '# '
    case 'bash':
      return `root@${s.hostname}:${home}# `
  }
}

/** `cd: can't cd to /x` as each shell words it. */
export function cdError(s: ShellState, dir: string, reason: string): string {
  switch (s.flavour) {
    case 'busybox':
      return `${prefix(s)}cd: can't cd to ${dir}: ${reason}\n`
    case 'dash':
      return `${prefix(s)}cd: can't cd to ${dir}\n`
    case 'bash':
      return `${prefix(s)}cd: ${dir}: ${reason}\n`
  }
}

/** A redirection that cannot be opened. */
export function redirectError(s: ShellState, path: string, forWrite: boolean, reason: string): string {
  switch (s.flavour) {
    case 'busybox':
      return forWrite ? `${prefix(s)}can't create ${path}: ${reason === 'No such file or directory' ? 'nonexistent directory' : reason}\n` : `${prefix(s)}can't open ${path}: ${reason}\n`
    case 'dash':
      return forWrite ? `${prefix(s)}cannot create ${path}: ${reason === 'No such file or directory' ? 'Directory nonexistent' : reason}\n` : `${prefix(s)}cannot open ${path}: ${reason === 'No such file or directory' ? 'No such file' : reason}\n`
    case 'bash':
      return `${prefix(s)}${path}: ${reason}\n`
  }
}

/** An arithmetic error in `$((text))`. */
export function arithMessage(flavour: Flavour, e: ArithError, text: string): string {
  switch (flavour) {
    case 'dash':
      return `arithmetic expression: ${e.reason}: "${text}"`
    case 'bash': {
      // bash names the rest of the expression from the failing operand on as the error token.
      const at = text.lastIndexOf(e.token)
      const token = at >= 0 ? text.slice(at) : e.token
      return e.reason === 'division by zero' ? `${text.trimStart()}: division by 0 (error token is "${token}")` : `${text.trimStart()}: syntax error: operand expected (error token is "${token}")`
    }
    case 'busybox':
      return e.reason === 'division by zero' ? 'divide by zero' : 'arithmetic syntax error'
  }
}
