// The functions kubectl explain's templates call, after k8s.io/kubectl/pkg/explain/v2/funcs.go (v0.32.5,
// WithBuiltinTemplateFuncs) on top of text/template's builtins: throw, fail, wrap, split, join, include, ternary,
// first, last, indent, dict, contains, set, list, add, sub, mul, resolveRef. Not ported: toJson and
// toPrettyJson (plaintext.tmpl does not call them). `include` runs a named template of the set into a string.

import { FUNCTIONS, CallError, INVALID, type TemplateFunction, type Value } from '../../printers/gotemplate/funcs'
import { TemplateExecError } from '../../printers/gotemplate/exec'
import { goSprintf } from '../../../gostd/sprintf'
import { wrapString } from '../../../gostd/wordwrap'

/**
 * funcs.go explainError: what `throw` raises (`error: field "foo" does not exist`). kubectl prints it as it is,
 * not wrapped in the template's position, so it passes through `include` untouched.
 */
export class ExplainError extends TemplateExecError {}

type Include = (name: string, data: Value) => string

const isNil = (v: Value) => v === INVALID || v === null || v === undefined
const isMap = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** reflect.DeepEqual over decoded JSON. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}

function int(v: Value): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new CallError(`wrong type for value; expected int; got ${goSprintf('%T', [v as never])}`)
  return v
}

function str(v: Value): string {
  if (typeof v !== 'string') throw new CallError(`wrong type for value; expected string; got ${goSprintf('%T', [isNil(v) ? null : (v as never)])}`)
  return v
}

function end(which: 'first' | 'last'): TemplateFunction {
  return {
    arity: 1,
    call: ([list]) => {
      if (isNil(list)) throw new CallError('list is empty')
      if (!Array.isArray(list)) throw new CallError(`${which} cannot be used on type: ${goSprintf('%T', [list as never])}`)
      if (list.length === 0) throw new CallError('list is empty')
      return which === 'first' ? list[0] : list[list.length - 1]
    },
  }
}

/** resolveRef: a `#/components/schemas/X` reference followed through the document; nil when it does not resolve. */
export function resolveRef(ref: Value, document: Value): Record<string, unknown> | null {
  if (typeof ref !== 'string' || !ref.startsWith('#') || ref.length === 1) return null
  let cur: unknown = document
  for (const k of decodeURIComponent(ref.slice(1)).split('/')) {
    if (k === '') continue
    const next = isMap(cur) ? cur[k] : undefined
    if (!isMap(next)) return null
    cur = next
  }
  return isMap(cur) ? cur : null
}

/** The function table of an explain template whose `include` runs the set's named templates. */
export function explainFunctions(include: Include): Record<string, TemplateFunction> {
  return {
    ...FUNCTIONS,
    throw: {
      arity: 1,
      variadic: true,
      call: ([format, ...args]) => {
        throw new ExplainError(goSprintf(str(format), args.map((a) => (a === INVALID ? null : a)) as never[]))
      },
    },
    fail: {
      arity: 1,
      call: ([message]) => {
        throw new CallError(str(message))
      },
    },
    wrap: { arity: 2, call: ([l, s]) => wrapString(str(s), int(l)) },
    split: { arity: 2, call: ([s, sep]) => str(s).split(str(sep)) },
    join: { arity: 1, variadic: true, call: ([sep, ...strs]) => strs.map(str).join(str(sep)) },
    include: { arity: 2, call: ([name, data]) => include(str(name), data === INVALID ? null : data) },
    ternary: { arity: 3, call: ([a, b, condition]) => (condition === true ? a : b) },
    first: end('first'),
    last: end('last'),
    indent: {
      arity: 2,
      call: ([amount, s]) => {
        const pad = ' '.repeat(int(amount))
        return pad + str(s).replaceAll('\n', `\n${pad}`)
      },
    },
    dict: {
      arity: 0,
      variadic: true,
      call: (kv) => {
        if (kv.length % 2 !== 0) throw new CallError('expected even # of arguments')
        const out: Record<string, unknown> = {}
        for (let i = 0; i + 1 < kv.length; i += 2) {
          if (typeof kv[i] !== 'string') throw new CallError('key of type string is not a string as expected')
          out[kv[i] as string] = kv[i + 1] === INVALID ? null : kv[i + 1]
        }
        return out
      },
    },
    contains: { arity: 2, call: ([list, value]) => Array.isArray(list) && list.some((e) => deepEqual(e, value === INVALID ? null : value)) },
    set: {
      arity: 1,
      variadic: true,
      call: ([dict, ...kv]) => {
        if (kv.length % 2 !== 0) throw new CallError('expected even number of arguments')
        const out: Record<string, unknown> = isMap(dict) ? { ...dict } : {}
        for (let i = 0; i < kv.length; i += 2) {
          if (typeof kv[i] !== 'string') throw new CallError('keys must be strings')
          out[kv[i] as string] = kv[i + 1] === INVALID ? null : kv[i + 1]
        }
        return out
      },
    },
    list: { arity: 0, variadic: true, call: (values) => values.map((v) => (v === INVALID ? null : v)) },
    add: { arity: 2, call: ([a, b]) => int(a) + int(b) },
    sub: { arity: 2, call: ([a, b]) => int(a) - int(b) },
    mul: { arity: 2, call: ([a, b]) => int(a) * int(b) },
    resolveRef: { arity: 2, call: ([ref, document]) => resolveRef(ref, document) },
  }
}
