// test EXPR and [ EXPR ] as binaries (/usr/bin/test, /usr/bin/[): POSIX's rules by argument count for up to
// four arguments, then the -a/-o/!/( ) grammar; file tests against the container's filesystem. Status 0 true,
// 1 false, 2 on a syntax error with the flavour's words.

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { absolute, complain, type Flavour, type Invocation, oneShot, progName } from '../kit'

class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-c', '-p', '-b', '-S', '-z', '-n', '-t', '-g', '-u', '-k', '-O', '-G'])
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>', '-nt', '-ot', '-ef'])

export function testProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    const name = progName(inv)
    let args = inv.argv.slice(1)
    if (name === '[') {
      if (args[args.length - 1] !== ']') {
        complain(sys, flavour === 'gnu' ? "[: missing ']'" : '[: missing ]')
        return 2
      }
      args = args.slice(0, -1)
    }
    try {
      return evaluate(args, inv, sys, flavour) ? 0 : 1
    } catch (e) {
      if (!(e instanceof TestError)) throw e
      complain(sys, `${name}: ${e.message}`)
      return 2
    }
  })
}

function integer(text: string, flavour: Flavour): number {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new TestError(flavour === 'gnu' ? `invalid integer '${text}'` : `invalid number '${text}'`)
  return Number(text)
}

function unary(op: string, arg: string, inv: Invocation, sys: Sys): boolean {
  if (op === '-z') return arg === ''
  if (op === '-n') return arg !== ''
  if (op === '-t') return false
  const path = absolute(inv, arg)
  const stat = op === '-L' || op === '-h' ? sys.fs.lstat(path) : sys.fs.stat(path)
  if (isErrno(stat)) return false
  switch (op) {
    case '-e':
      return true
    case '-f':
      return stat.kind === 'file'
    case '-d':
      return stat.kind === 'dir'
    case '-s':
      return stat.size > 0
    case '-L':
    case '-h':
      return stat.kind === 'symlink'
    case '-c':
      return stat.kind === 'chardev'
    case '-r':
    case '-w':
      return true
    case '-x':
      return (stat.mode & 0o111) !== 0
    default:
      return false
  }
}

function binary(left: string, op: string, right: string, flavour: Flavour, inv: Invocation, sys: Sys): boolean {
  switch (op) {
    case '=':
    case '==':
      return left === right
    case '!=':
      return left !== right
    case '<':
      return left < right
    case '>':
      return left > right
    case '-nt':
    case '-ot': {
      const a = sys.fs.stat(absolute(inv, left))
      const b = sys.fs.stat(absolute(inv, right))
      if (isErrno(a) || isErrno(b)) return op === '-nt' ? !isErrno(a) : !isErrno(b)
      return op === '-nt' ? a.mtimeMs > b.mtimeMs : a.mtimeMs < b.mtimeMs
    }
    case '-ef':
      return absolute(inv, left) === absolute(inv, right)
  }
  const a = integer(left, flavour)
  const b = integer(right, flavour)
  return { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[op] ?? false
}

function evaluate(args: string[], inv: Invocation, sys: Sys, flavour: Flavour): boolean {
  switch (args.length) {
    case 0:
      return false
    case 1:
      return args[0] !== ''
    case 2:
      if (args[0] === '!') return args[1] === ''
      if (UNARY.has(args[0]!)) return unary(args[0]!, args[1]!, inv, sys)
      throw new TestError(flavour === 'gnu' ? `${args[0]}: unary operator expected` : `${args[0]}: unknown operand`)
    case 3:
      if (BINARY.has(args[1]!)) return binary(args[0]!, args[1]!, args[2]!, flavour, inv, sys)
      if (args[0] === '!') return !evaluate(args.slice(1), inv, sys, flavour)
      if (args[0] === '(' && args[2] === ')') return args[1] !== ''
      break
    case 4:
      if (args[0] === '!') return !evaluate(args.slice(1), inv, sys, flavour)
      if (args[0] === '(' && args[3] === ')') return evaluate(args.slice(1, 3), inv, sys, flavour)
      break
  }
  const parser = new Grammar(args, inv, sys, flavour)
  const value = parser.or()
  if (parser.at < args.length) throw new TestError(flavour === 'gnu' ? `extra argument '${args[parser.at]}'` : `${args[parser.at]}: unknown operand`)
  return value
}

class Grammar {
  at = 0
  constructor(
    readonly args: string[],
    readonly inv: Invocation,
    readonly sys: Sys,
    readonly flavour: Flavour,
  ) {}

  or(): boolean {
    let value = this.and()
    while (this.args[this.at] === '-o') {
      this.at++
      value = this.and() || value
    }
    return value
  }

  and(): boolean {
    let value = this.not()
    while (this.args[this.at] === '-a') {
      this.at++
      value = this.not() && value
    }
    return value
  }

  not(): boolean {
    if (this.args[this.at] === '!') {
      this.at++
      return !this.not()
    }
    return this.primary()
  }

  primary(): boolean {
    const [a, b, c] = [this.args[this.at], this.args[this.at + 1], this.args[this.at + 2]]
    if (a === undefined) throw new TestError('argument expected')
    if (a === '(') {
      this.at++
      const value = this.or()
      if (this.args[this.at++] !== ')') throw new TestError(this.flavour === 'gnu' ? "')' expected" : 'missing )')
      return value
    }
    if (b !== undefined && c !== undefined && BINARY.has(b)) {
      this.at += 3
      return binary(a, b, c, this.flavour, this.inv, this.sys)
    }
    if (UNARY.has(a) && b !== undefined) {
      this.at += 2
      return unary(a, b, this.inv, this.sys)
    }
    this.at++
    return a !== ''
  }
}
