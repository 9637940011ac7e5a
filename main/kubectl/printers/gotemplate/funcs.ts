// The functions a kubectl go-template may call: text/template's builtins (funcs.go of Go 1.23: and, or, not,
// len, index, slice, print, printf, println, eq, ne, lt, le, gt, ge; html, js, urlquery and call not ported) and the two kubectl adds
// (cli-runtime printers/template.go: exists, base64decode). Comparisons follow funcs.go: ints with ints, floats
// with floats, strings with strings, `incompatible types for comparison` otherwise.

import { decodeStdBase64 } from '../../../gostd/base64'
import { goSprintf, goSprint } from '../../../gostd/sprintf'
import { GoFloat, kindOf, numberOf } from '../jsonpath/go-value'

/** reflect.Value{}: no value at all (a missing map key), distinct from an interface holding nil (null). */
export const INVALID = Symbol('no value')
export type Value = unknown

/** A function's error; exec wraps it as `error calling NAME: ...`. */
export class CallError extends Error {
  readonly reason = 'TemplateCall'
}

export interface TemplateFunction {
  arity: number
  variadic?: boolean
  call(args: Value[]): Value
}

/** isTrue: false, 0, "", empty maps and slices, nil and no value are false. */
export function isTrue(v: Value): boolean {
  if (v === INVALID || v === null || v === undefined) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'string') return v.length > 0
  if (Array.isArray(v)) return v.length > 0
  if (v instanceof GoFloat) return v.value !== 0
  if (typeof v === 'number') return v !== 0
  if (typeof v === 'object') return Object.keys(v).length > 0
  return true
}

const nilOrNoValue = (v: Value) => (v === INVALID ? null : v)

type Basic = 'bool' | 'int' | 'float' | 'string' | 'uint' | 'invalid'

function basicKind(v: Value): Basic {
  if (v === INVALID || v === null) return 'invalid'
  const k = kindOf(v)
  return k === 'map' || k === 'slice' || k === 'nil' ? 'invalid' : k
}

function eq(a: Value, ...others: Value[]): boolean {
  if (others.length === 0) throw new CallError('missing argument for comparison')
  const k1 = basicKind(a)
  for (const b of others) {
    const k2 = basicKind(b)
    let truth = false
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) truth = numberOf(a) === numberOf(b)
      else if (a !== INVALID && b !== INVALID) throw new CallError('incompatible types for comparison')
    } else if (k1 === 'invalid') {
      if (kindOf(a) === 'map' || kindOf(a) === 'slice') throw new CallError(`non-comparable types ${goSprint([a])}: ${kindOf(a) === 'map' ? 'map[string]interface {}' : '[]interface {}'}, ${kindOf(b) === 'map' ? 'map[string]interface {}' : '[]interface {}'}: ${goSprint([b])}`)
      truth = (a === INVALID || a === null) && (b === INVALID || b === null)
    } else truth = k1 === 'string' || k1 === 'bool' ? a === b : numberOf(a) === numberOf(b)
    if (truth) return true
  }
  return false
}

function lt(a: Value, b: Value): boolean {
  const k1 = basicKind(a)
  const k2 = basicKind(b)
  if (k1 === 'invalid' || k2 === 'invalid') throw new CallError('invalid type for comparison')
  if (k1 !== k2 && !((k1 === 'int' || k1 === 'uint') && (k2 === 'int' || k2 === 'uint'))) throw new CallError('incompatible types for comparison')
  if (k1 === 'bool') throw new CallError('invalid type for comparison')
  if (k1 === 'string') return Buffer.compare(Buffer.from(a as string), Buffer.from(b as string)) < 0
  return numberOf(a) < numberOf(b)
}

function typeName(v: Value): string {
  switch (kindOf(v)) {
    case 'map':
      return 'map[string]interface {}'
    case 'slice':
      return '[]interface {}'
    case 'int':
      return 'int'
    case 'float':
      return 'float64'
    default:
      return kindOf(v)
  }
}

/** index / exists: one step into a map (string keys) or a slice (int indexes). */
function indexStep(item: Value, index: Value, forExists: boolean): Value {
  if (item === INVALID || item === null) {
    if (forExists) return INVALID
    throw new CallError('index of untyped nil')
  }
  if (Array.isArray(item) || typeof item === 'string') {
    if (kindOf(index) !== 'int') {
      if (forExists) return INVALID
      throw new CallError(`cannot index slice/array with type ${typeName(index)}`)
    }
    const length = Array.isArray(item) ? item.length : Buffer.byteLength(item)
    const x = index as number
    if (x < 0 || x >= length) {
      if (forExists) return INVALID
      throw new CallError(`index out of range: ${x}`)
    }
    return Array.isArray(item) ? item[x] : Buffer.from(item)[x]
  }
  if (typeof item === 'object' && !(item instanceof GoFloat)) {
    if (typeof index !== 'string') {
      if (forExists) return INVALID
      throw new CallError(`value has type ${typeName(index)}; should be string`)
    }
    return Object.hasOwn(item, index) ? (item as Record<string, unknown>)[index] : null
  }
  if (forExists) return INVALID
  throw new CallError(`can't index item of type ${typeName(item)}`)
}

/** funcs.go slice: item[i:j] (or item[i:j:k]) of a slice or a string, Go's bounds checked. */
function slice(item: Value, indexes: Value[]): Value {
  if (item === INVALID || item === null) throw new CallError('slice of untyped nil')
  if (indexes.length > 3) throw new CallError(`too many slice indexes: ${indexes.length}`)
  const isString = typeof item === 'string'
  if (!isString && !Array.isArray(item)) throw new CallError(`can't slice item of type ${typeName(item)}`)
  if (isString && indexes.length === 3) throw new CallError('cannot 3-index slice a string')
  const bytes = isString ? Buffer.from(item) : undefined
  const length = bytes ? bytes.length : (item as unknown[]).length
  const idx = [0, length, length]
  indexes.forEach((index, i) => {
    if (kindOf(index) !== 'int') throw new CallError(`cannot index slice/array with type ${typeName(index)}`)
    const x = index as number
    if (x < 0 || x > length) throw new CallError(`index out of range: ${x}`)
    idx[i] = x
  })
  if (idx[0]! > idx[1]!) throw new CallError(`invalid slice index: ${idx[0]} > ${idx[1]}`)
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new CallError(`invalid slice index: ${idx[1]} > ${idx[2]}`)
  return bytes ? bytes.subarray(idx[0], idx[1]).toString('utf8') : (item as unknown[]).slice(idx[0], idx[1])
}

const notPorted = (name: string): TemplateFunction => ({
  arity: 0,
  variadic: true,
  call: () => {
    throw new CallError(`Podlab does not implement the ${name} template function yet`)
  },
})

export const FUNCTIONS: Record<string, TemplateFunction> = {
  and: { arity: 1, variadic: true, call: () => INVALID },
  or: { arity: 1, variadic: true, call: () => INVALID },
  not: { arity: 1, call: ([a]) => !isTrue(a) },
  len: {
    arity: 1,
    call: ([a]) => {
      if (a === INVALID) throw new CallError('reflect: call of reflect.Value.Type on zero Value')
      if (a === null) throw new CallError('len of nil pointer')
      if (typeof a === 'string') return Buffer.byteLength(a)
      if (Array.isArray(a)) return a.length
      if (typeof a === 'object' && !(a instanceof GoFloat)) return Object.keys(a).length
      throw new CallError(`len of type ${typeName(a)}`)
    },
  },
  index: {
    arity: 1,
    variadic: true,
    call: ([item, ...indexes]) => nilOrNoValue(indexes.reduce((v, i) => indexStep(v, i, false), item)),
  },
  exists: {
    arity: 1,
    variadic: true,
    call: ([item, ...indexes]) => {
      let v = item
      for (const i of indexes) {
        v = indexStep(v, i, true)
        if (v === INVALID || v === null) return false
      }
      return v !== INVALID && v !== null
    },
  },
  print: { arity: 0, variadic: true, call: (args) => goSprint(args.map(nilOrNoValue)) },
  println: { arity: 0, variadic: true, call: (args) => `${args.map((a) => goSprint([nilOrNoValue(a)])).join(' ')}\n` },
  printf: {
    arity: 1,
    variadic: true,
    call: ([format, ...args]) => {
      if (typeof format !== 'string') throw new CallError(`wrong type for value; expected string; got ${typeName(format)}`)
      return goSprintf(format, args.map(nilOrNoValue))
    },
  },
  eq: { arity: 1, variadic: true, call: ([a, ...b]) => eq(a, ...b) },
  ne: { arity: 2, call: ([a, b]) => !eq(a, b) },
  lt: { arity: 2, call: ([a, b]) => lt(a, b) },
  le: { arity: 2, call: ([a, b]) => lt(a, b) || eq(a, b) },
  gt: { arity: 2, call: ([a, b]) => !(lt(a, b) || eq(a, b)) },
  ge: { arity: 2, call: ([a, b]) => !lt(a, b) },
  base64decode: {
    arity: 1,
    call: ([a]) => {
      if (typeof a !== 'string') throw new CallError(`wrong type for value; expected string; got ${typeName(a)}`)
      const decoded = decodeStdBase64(Buffer.from(a, 'utf8'))
      if (!decoded.ok) throw new CallError(`base64 decode failed: ${decoded.message}`)
      return Buffer.from(decoded.bytes).toString('utf8')
    },
  },
  html: notPorted('html'),
  js: notPorted('js'),
  urlquery: notPorted('urlquery'),
  slice: { arity: 1, variadic: true, call: ([item, ...indexes]) => slice(item, indexes) },
  call: notPorted('call'),
}
