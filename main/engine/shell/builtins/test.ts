// test / [: the POSIX operators and the common extensions (-a -o, parentheses, ==, <, >), evaluated against the
// container's filesystem. Status 0 true, 1 false, 2 a usage error (with its message).

import { resolvePath } from '../../process/memory-fs'
import type { FileSystem, Stat } from '../../process/program'

export interface TestEnv {
  fs: FileSystem
  cwd: string
}

export class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-h', '-L', '-z', '-n', '-p', '-S', '-b', '-c', '-t', '-g', '-u', '-k', '-O', '-G'])
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])

/** Evaluates test's arguments (without the closing `]`): 0, 1, or throws TestError. */
export function evalTest(args: string[], env: TestEnv): number {
  if (args.length === 0) return 1
  let pos = 0
  const peek = (): string | undefined => args[pos]
  const stat = (p: string, follow = true): Stat | undefined => {
    const got = follow ? env.fs.stat(resolvePath(env.cwd, p)) : env.fs.lstat(resolvePath(env.cwd, p))
    return typeof got === 'string' ? undefined : got
  }
  const int = (v: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(v)) throw new TestError(`${v}: integer expression expected`)
    return Number(v)
  }
  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case '-z':
        return a === ''
      case '-n':
        return a !== ''
      case '-e':
        return stat(a) !== undefined
      case '-f':
        return stat(a)?.kind === 'file'
      case '-d':
        return stat(a)?.kind === 'dir'
      case '-c':
        return stat(a)?.kind === 'chardev'
      case '-s':
        return (stat(a)?.size ?? 0) > 0
      case '-h':
      case '-L':
        return stat(a, false)?.kind === 'symlink'
      case '-r':
      case '-w':
        return stat(a) !== undefined
      case '-x':
        return ((stat(a)?.mode ?? 0) & 0o111) !== 0
      case '-t':
        return false
      default:
        return false
    }
  }
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return a === b
      case '!=':
        return a !== b
      case '<':
        return a < b
      case '>':
        return a > b
      case '-eq':
        return int(a) === int(b)
      case '-ne':
        return int(a) !== int(b)
      case '-lt':
        return int(a) < int(b)
      case '-le':
        return int(a) <= int(b)
      case '-gt':
        return int(a) > int(b)
      case '-ge':
        return int(a) >= int(b)
      case '-nt':
        return (stat(a)?.mtimeMs ?? -1) > (stat(b)?.mtimeMs ?? -1)
      case '-ot':
        return (stat(a)?.mtimeMs ?? Infinity) < (stat(b)?.mtimeMs ?? Infinity)
      default:
        return false
    }
  }
  const primary = (): boolean => {
    const a = args[pos]
    if (a === undefined) throw new TestError('argument expected')
    const rest = args.length - pos
    if (a === '!' && rest > 1) {
      pos++
      return !primary()
    }
    if (a === '(' && rest > 2) {
      pos++
      const v = orExpr()
      if (args[pos] !== ')') throw new TestError("')' expected")
      pos++
      return v
    }
    if (rest >= 3 && BINARY.has(args[pos + 1]!)) {
      pos += 3
      return binary(a, args[pos - 2]!, args[pos - 1]!)
    }
    if (UNARY.has(a) && rest >= 2) {
      pos += 2
      return unary(a, args[pos - 1]!)
    }
    pos++
    return a !== ''
  }
  const andExpr = (): boolean => {
    let v = primary()
    while (peek() === '-a') {
      pos++
      const w = primary()
      v = v && w
    }
    return v
  }
  const orExpr = (): boolean => {
    let v = andExpr()
    while (peek() === '-o') {
      pos++
      const w = andExpr()
      v = v || w
    }
    return v
  }
  const result = orExpr()
  if (pos < args.length) throw new TestError(`${args[pos]}: unexpected operator`)
  return result ? 0 : 1
}
