// kubectl's JSONPath engine, ported by hand from client-go util/jsonpath/jsonpath.go (v0.32.5) and the
// comparisons of client-go third_party/forked/golang/template/funcs.go: ranges (`{range .items[*]}...{end}`),
// filters (`[?(@.x=="y")]`, `[?(@.x)]`), unions, slices with steps, wildcards and recursive descent (`..`),
// results joined by one space, maps and arrays printed as compact JSON, -o jsonpath-as-json as an indented
// JSON array of each result set. Kept as upstream has it on purpose: the range state lives on the JSONPath and
// FindResults cuts the template's root list, so a JSONPath is for one Execute, as kubectl uses it.
// One difference, said here: Go walks a map's keys (`.*`, `..`) in random order; Podlab walks them sorted.

import { nodeText, type ArrayNode, type FilterNode, type ListNode, type Node } from './node'
import { parse } from './parser'
import { GoByte, GoFloat, goMarshal, goMarshalIndent, goPrint, goTypeName, kindOf, numberOf, sortedKeys, type GoKind } from './go-value'

/** Why an Execute failed; the message is client-go's. */
export class JsonPathExecuteError extends Error {
  readonly reason = 'JsonPathExecute'
}

/** A Go value where reflect.Value{} (no value at all) is `INVALID`, distinct from an interface holding nil (null). */
const INVALID = Symbol('invalid')
type Value = unknown

export class JsonPath {
  private root: ListNode | undefined
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode: Node | undefined
  private allowMissingKeys = false
  private outputJson = false

  /** @param name the template's name in errors (kubectl's printer calls it `out`). */
  constructor(private readonly name: string) {}

  setAllowMissingKeys(allow: boolean): this {
    this.allowMissingKeys = allow
    return this
  }

  /** EnableJSONOutput: each result set printed as an indented JSON array (-o jsonpath-as-json). */
  enableJsonOutput(v: boolean): this {
    this.outputJson = v
    return this
  }

  /** Parse. Throws JsonPathParseError with client-go's message. */
  parse(text: string): void {
    this.root = parse(text)
  }

  /** Execute: the template over `data` (a decoded JSON value), as text. Throws JsonPathExecuteError. */
  execute(data: unknown): string {
    return this.findResults(data).map((r) => this.printResults(r)).join('')
  }

  /** FindResults: one list of values per action and text of the template, ranges unrolled. */
  findResults(data: Value): Value[][] {
    if (!this.root) throw new JsonPathExecuteError(`${this.name} is an incomplete jsonpath template`)
    const cur: Value[] = [data === undefined ? INVALID : data]
    const nodes = this.root.nodes
    const full: Value[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!
      const results = this.walk(cur, node)
      // An end node breaks the current block.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = node
        break
      }
      // A range node starts a loop over what it selected.
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) {
          for (const value of results) {
            this.root.nodes = nodes.slice(i + 1)
            full.push(...this.findResults(value))
          }
        } else {
          // With nothing to range over, the body is still walked so that the position reaches the end node.
          this.root.nodes = nodes.slice(i + 1)
          this.findResults(undefined)
        }
        this.inRange--
        // Resume after the end node last met.
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  /** PrintResults: values joined by a space; maps and arrays as compact JSON (indented arrays for jsonpath-as-json). */
  printResults(results: Value[]): string {
    const values = this.outputJson ? [results.map(unwrapInvalid)] : results
    return values
      .map((r, i) => {
        const kind = r === INVALID ? 'nil' : kindOf(r)
        let text: string
        if (this.outputJson) text = goMarshalIndent(r)
        else if (kind === 'map' || kind === 'slice') text = goMarshal(r)
        else text = evalToText(r)
        return i !== values.length - 1 ? `${text} ` : text
      })
      .join('')
  }

  private walk(value: Value[], node: Node): Value[] {
    switch (node.type) {
      case 'NodeList':
        return this.evalList(value, node)
      case 'NodeText':
        return [node.text]
      case 'NodeField':
        return this.evalField(value, node.value)
      case 'NodeArray':
        return evalArray(value, node)
      case 'NodeFilter':
        return this.evalFilter(value, node)
      case 'NodeInt':
        return value.map(() => node.value)
      case 'NodeBool':
        return value.map(() => node.value)
      case 'NodeFloat':
        return value.map(() => new GoFloat(node.value))
      case 'NodeWildcard':
        return value.flatMap(children)
      case 'NodeRecursive':
        return evalRecursive(value)
      case 'NodeUnion':
        return node.nodes.flatMap((list) => this.evalList(value, list))
      case 'NodeIdentifier':
        return this.evalIdentifier(value, node.name)
    }
  }

  private evalList(value: Value[], node: ListNode): Value[] {
    let cur = value
    for (const n of node.nodes) cur = this.walk(cur, n)
    return cur
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++
        return []
      }
      throw new JsonPathExecuteError('not in range, nothing to end')
    }
    throw new JsonPathExecuteError(`unrecognized identifier ${name}`)
  }

  /** A map's key; anything else (a string, a list) has no fields. `x is not found` unless missing keys are allowed. */
  private evalField(input: Value[], field: string): Value[] {
    if (input.length === 0) return []
    const results: Value[] = []
    for (const value of input) {
      if (kindOf(value) !== 'map' || value === INVALID) continue
      if (Object.hasOwn(value as object, field)) results.push((value as Record<string, unknown>)[field])
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecuteError(`${field} is not found`)
    return results
  }

  private evalFilter(input: Value[], node: FilterNode): Value[] {
    const results: Value[] = []
    for (const value of input) {
      if (kindOf(value) !== 'slice') {
        throw new JsonPathExecuteError(`${value === INVALID ? '<invalid reflect.Value>' : goPrint(value)} is not array or slice and cannot be filtered`)
      }
      for (const item of value as unknown[]) {
        let lefts: Value[]
        try {
          lefts = this.evalList([item], node.left)
        } catch (e) {
          if (node.operator === 'exists') continue
          throw e
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item)
          continue
        }
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JsonPathExecuteError('can only compare one element at a time')
        const rights = this.evalList([item], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new JsonPathExecuteError('can only compare one element at a time')
        if (compare(lefts[0], rights[0], node.operator)) results.push(item)
      }
    }
    return results
  }
}

function unwrapInvalid(v: Value): Value {
  return v === INVALID ? null : v
}

/** evalToText: fmt.Fprint of a scalar; a nil is `null`, no value at all `<no value>`. */
function evalToText(v: Value): string {
  if (v === INVALID) return '<no value>'
  if (v === null || v === undefined) return 'null'
  return goPrint(v)
}

/** The elements of a map (keys sorted), a slice, or a string's bytes; nothing for the rest. */
function children(value: Value): Value[] {
  if (value === INVALID) return []
  const kind = kindOf(value)
  if (kind === 'map') return sortedKeys(value as object).map((k) => (value as Record<string, unknown>)[k])
  if (kind === 'slice') return [...(value as unknown[])]
  if (kind === 'string') return [...Buffer.from(value as string, 'utf8')].map((b) => new GoByte(b))
  return []
}

/** `..`: every value that has elements, followed by its descendants, depth first. */
function evalRecursive(input: Value[]): Value[] {
  const result: Value[] = []
  for (const value of input) {
    if (value === null) continue
    const elements = children(value)
    if (elements.length === 0) continue
    result.push(value)
    result.push(...evalRecursive(elements))
  }
  return result
}

function evalArray(input: Value[], node: ArrayNode): Value[] {
  const result: Value[] = []
  for (const value of input) {
    if (value === null || value === INVALID) continue
    if (kindOf(value) !== 'slice') throw new JsonPathExecuteError(`${goTypeName(value)} is not array or slice`)
    const list = value as unknown[]
    const length = list.length
    const [p0, p1, p2] = node.params.map((p) => ({ ...p }))
    if (!p0!.known) p0!.value = 0
    if (p0!.value < 0) p0!.value += length
    if (!p1!.known) p1!.value = length
    if (p1!.value < 0 || (p1!.value === 0 && p1!.derived)) p1!.value += length
    // Zero elements asked for are allowed through, whatever the bounds.
    if (p1!.value === p0!.value) return result
    if (p0!.value >= length || p0!.value < 0) throw new JsonPathExecuteError(`array index out of bounds: index ${p0!.value}, length ${length}`)
    if (p1!.value > length || p1!.value < 0) throw new JsonPathExecuteError(`array index out of bounds: index ${p1!.value - 1}, length ${length}`)
    if (p0!.value > p1!.value) throw new JsonPathExecuteError(`starting index ${p0!.value} is greater than ending index ${p1!.value}`)
    let step = 1
    if (p2!.known) {
      if (p2!.value <= 0) throw new JsonPathExecuteError('step must be > 0')
      step = p2!.value
    }
    const slice = list.slice(p0!.value, p1!.value)
    for (let i = 0; i < slice.length; i += step) result.push(slice[i])
  }
  return result
}

const BAD_TYPE = 'invalid type for comparison'
const INCOMPATIBLE = 'incompatible types for comparison'

type Basic = Exclude<GoKind, 'map' | 'slice' | 'nil'>

function basicKind(v: Value): Basic {
  const kind = v === INVALID ? 'nil' : kindOf(v)
  if (kind === 'map' || kind === 'slice' || kind === 'nil') throw new JsonPathExecuteError(BAD_TYPE)
  return kind
}

/** template.Equal / Less and the operators built on them; ints and uints compare across signs, nothing else mixes. */
function compare(left: Value, right: Value, operator: string): boolean {
  switch (operator) {
    case '<':
      return less(left, right)
    case '>':
      return !(less(left, right) || equal(left, right))
    case '==':
      return equal(left, right)
    case '!=':
      return !equal(left, right)
    case '<=':
      return less(left, right) || equal(left, right)
    case '>=':
      return !less(left, right)
    default:
      throw new JsonPathExecuteError(`unrecognized filter operator ${operator}`)
  }
}

function sameKinds(a: Value, b: Value): { k: Basic; x: unknown; y: unknown } {
  const k1 = basicKind(a)
  const k2 = basicKind(b)
  const integer = (k: Basic) => k === 'int' || k === 'uint'
  if (k1 !== k2 && !(integer(k1) && integer(k2))) throw new JsonPathExecuteError(INCOMPATIBLE)
  const num = (v: Value, k: Basic) => (k === 'int' || k === 'uint' || k === 'float' ? numberOf(v) : v)
  return { k: k1, x: num(a, k1), y: num(b, k2) }
}

function equal(a: Value, b: Value): boolean {
  const { x, y } = sameKinds(a, b)
  return x === y
}

function less(a: Value, b: Value): boolean {
  const { k, x, y } = sameKinds(a, b)
  if (k === 'bool') throw new JsonPathExecuteError(BAD_TYPE)
  if (k === 'string') return goStringLessThan(x as string, y as string)
  return (x as number) < (y as number)
}

function goStringLessThan(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')) < 0
}

/** The parse tree's nodes in depth-first order, as node.go's String() prints them (for the ported parser tests). */
export function collectNodes(node: Node): string[] {
  const out = [nodeText(node)]
  if (node.type === 'NodeList') for (const n of node.nodes) out.push(...collectNodes(n))
  if (node.type === 'NodeFilter') out.push(...collectNodes(node.left), ...collectNodes(node.right))
  if (node.type === 'NodeUnion') for (const n of node.nodes) out.push(...collectNodes(n))
  return out
}
