// `$((...))` and `((...))`: integer arithmetic as the shells do it (64-bit in the real ones; here JavaScript
// integers via BigInt-free truncation, exact up to 2^53). Variables are read as numbers, unset or empty as 0.

import type { Arith } from './ast'

export interface ArithEnv {
  get(name: string): string | undefined
  set(name: string, value: string): void
  /** A word's text after parameter expansion (`$x`, `${#y}` inside the expression). */
  word(w: Extract<Arith, { t: 'word' }>['word']): string
  /** Whether `**` exists (bash, busybox; not dash). */
  power: boolean
}

/** An arithmetic error: dash's reason words, and the token bash names; the shell words the message. */
export class ArithError extends Error {
  constructor(
    readonly reason: 'division by zero' | 'expecting primary' | 'syntax error',
    readonly token: string,
  ) {
    super(`${reason}: ${token}`)
  }
}

const trunc = (n: number): number => (Number.isFinite(n) ? Math.trunc(n) : 0)

export function evalArith(node: Arith, env: ArithEnv): number {
  switch (node.t) {
    case 'paren':
      return evalArith(node.x, env)
    case 'word':
      return valueOf(env.word(node.word), env, 0)
    case 'un':
      return unary(node, env)
    case 'bin':
      return binary(node, env)
  }
}

/** A word as a number: a literal (decimal, 0x hex, 0 octal) or a variable name, read recursively. */
function valueOf(text: string, env: ArithEnv, depth: number): number {
  const s = text.trim()
  if (s === '') return 0
  if (/^[A-Za-z_]\w*$/.test(s)) {
    if (depth > 10) throw new ArithError('syntax error', s)
    return valueOf(env.get(s) ?? '', env, depth + 1)
  }
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s, 16)
  if (/^0[0-7]+$/.test(s)) return parseInt(s, 8)
  if (/^\d+$/.test(s)) return Number(s)
  if (/^[-+]\d+$/.test(s)) return Number(s)
  throw new ArithError('syntax error', s)
}

function nameOf(node: Arith, env: ArithEnv): string {
  if (node.t !== 'word') throw new ArithError('syntax error', '=')
  const name = env.word(node.word)
  if (!/^[A-Za-z_]\w*$/.test(name)) throw new ArithError('syntax error', name)
  return name
}

function unary(node: Extract<Arith, { t: 'un' }>, env: ArithEnv): number {
  if (node.op === '++' || node.op === '--') {
    const name = nameOf(node.x, env)
    const before = valueOf(env.get(name) ?? '', env, 0)
    const after = node.op === '++' ? before + 1 : before - 1
    env.set(name, String(after))
    return node.post ? before : after
  }
  const x = evalArith(node.x, env)
  switch (node.op) {
    case '-':
      return -x
    case '!':
      return x === 0 ? 1 : 0
    case '~':
      return ~x
    default:
      return x
  }
}

function binary(node: Extract<Arith, { t: 'bin' }>, env: ArithEnv): number {
  const { op } = node
  if (op === '=' || (op.endsWith('=') && op.length >= 2 && !['==', '!=', '<=', '>='].includes(op))) {
    const name = nameOf(node.x, env)
    const y = evalArith(node.y, env)
    const value = op === '=' ? y : apply(op.slice(0, -1), valueOf(env.get(name) ?? '', env, 0), y)
    env.set(name, String(value))
    return value
  }
  if (op === '&&') return evalArith(node.x, env) !== 0 && evalArith(node.y, env) !== 0 ? 1 : 0
  if (op === '||') return evalArith(node.x, env) !== 0 || evalArith(node.y, env) !== 0 ? 1 : 0
  if (op === '?') {
    const branches = node.y
    if (branches.t !== 'bin' || branches.op !== ':') throw new ArithError('syntax error', '?')
    return evalArith(node.x, env) !== 0 ? evalArith(branches.x, env) : evalArith(branches.y, env)
  }
  if (op === ',') {
    evalArith(node.x, env)
    return evalArith(node.y, env)
  }
  if (op === '**' && !env.power) throw new ArithError('expecting primary', node.ytext)
  const x = evalArith(node.x, env)
  const y = evalArith(node.y, env)
  if ((op === '/' || op === '%') && y === 0) throw new ArithError('division by zero', node.ytext)
  return apply(op, x, y)
}

function apply(op: string, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y
    case '-':
      return x - y
    case '*':
      return trunc(x * y)
    case '/':
    case '%':
      if (y === 0) throw new ArithError('division by zero', String(y))
      return op === '/' ? trunc(x / y) : x % y
    case '**':
      return trunc(x ** y)
    case '<<':
      return x << y
    case '>>':
      return x >> y
    case '&':
      return x & y
    case '|':
      return x | y
    case '^':
      return x ^ y
    case '==':
      return x === y ? 1 : 0
    case '!=':
      return x !== y ? 1 : 0
    case '<':
      return x < y ? 1 : 0
    case '>':
      return x > y ? 1 : 0
    case '<=':
      return x <= y ? 1 : 0
    case '>=':
      return x >= y ? 1 : 0
    default:
      throw new ArithError('syntax error', op)
  }
}
