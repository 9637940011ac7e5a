// Executing a parsed Go template over a decoded JSON object, after Go 1.23's text/template exec.go: fields of
// maps (missing keys print `<no value>`, or fail with missingkey=error), variables, pipelines passing their value
// as the last argument, if/with/range (maps in key order, else branches, break/continue), Go's truth,
// and error texts with the template position and node (`template: output:1:7: executing "output" at <.kind.x>:
// can't evaluate field x in type interface {}`); `{{template "x" pipeline}}` of a template set's defines (exec.go
// walkTemplate: the named tree with the value as dot and `$`). Values are the JSON values; INVALID is
// reflect.Value{}.

import { argText, commandText, type Arg, type Command, type Node, type Pipe } from './parse'
import { GoFloat as GoFloatValue, goPrint } from '../jsonpath/go-value'
import { FUNCTIONS, isTrue, type Value, INVALID, CallError, type TemplateFunction } from './funcs'

export class TemplateExecError extends Error {
  readonly reason = 'TemplateExec'
}

/** missingVal: a pipeline's first command has no final argument (an INVALID final is still an argument). */
const MISSING = Symbol('missing')

class BreakSignal {}
class ContinueSignal {}

type Positioned = { pos: number }

export interface ExecOptions {
  /** missingkey=error (allow-missing-template-keys=false) rather than default. */
  missingKeyError: boolean
  /** The functions commands call (tmpl.Funcs); text/template's builtins and kubectl's two by default. */
  functions?: Readonly<Record<string, TemplateFunction>>
  /** The set's defined templates, for `{{template "name"}}` (parseTemplateSet). */
  templates?: ReadonlyMap<string, Node[]>
}

/**
 * Template.Execute: the text written (on an error, what was written before it, the error's text and the error:
 * a function may throw its own TemplateExecError subclass to be told apart).
 */
export function execute(nodes: Node[], source: string, name: string, data: unknown, options: ExecOptions): { text: string; error?: string; cause?: TemplateExecError } {
  const state = new State(source, name, data, options)
  try {
    state.walkList(data, nodes)
    return { text: state.out }
  } catch (e) {
    if (e instanceof TemplateExecError) return { text: state.out, error: e.message, cause: e }
    throw e
  }
}

class State {
  out = ''
  private vars: Array<{ name: string; value: Value }>
  private node: { pos: number; text: string } = { pos: 0, text: '' }

  constructor(
    private readonly source: string,
    private readonly name: string,
    root: unknown,
    private readonly options: ExecOptions,
  ) {
    this.vars = [{ name: '$', value: root }]
  }

  private at(node: Positioned, text: string): void {
    this.node = { pos: node.pos, text }
  }

  /** s.errorf: the message with ErrorContext's `name:line:col` and the node being executed. */
  private errorf(message: string): never {
    const before = this.source.slice(0, this.node.pos)
    const line = 1 + (before.match(/\n/g)?.length ?? 0)
    const col = this.node.pos - (before.lastIndexOf('\n') + 1)
    throw new TemplateExecError(`template: ${this.name}:${line}:${col}: executing "${this.name}" at <${this.node.text}>: ${message}`)
  }

  walkList(dot: Value, nodes: Node[]): void {
    for (const node of nodes) this.walk(dot, node)
  }

  private walk(dot: Value, node: Node): void {
    switch (node.type) {
      case 'text':
        this.out += node.text
        return
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe)
        if (node.pipe.decl.length === 0) this.out += printValue(value)
        return
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length
        const value = this.evalPipeline(dot, node.pipe)
        if (isTrue(value)) this.walkList(node.type === 'with' ? value : dot, node.list)
        else if (node.elseList) this.walkList(dot, node.elseList)
        this.vars.length = mark
        return
      }
      case 'range':
        return this.walkRange(dot, node)
      case 'break':
        throw new BreakSignal()
      case 'continue':
        throw new ContinueSignal()
      case 'template':
        return this.walkTemplate(dot, node)
    }
  }

  private walkTemplate(dot: Value, node: Extract<Node, { type: 'template' }>): void {
    this.at(node, `template ${JSON.stringify(node.name)}`)
    const tree = this.options.templates?.get(node.name)
    if (!tree) this.errorf(`no such template ${JSON.stringify(node.name)}`)
    const value = node.pipe ? this.evalPipeline(dot, node.pipe) : null
    const vars = this.vars
    this.vars = [{ name: '$', value }]
    try {
      this.walkList(value, tree)
    } finally {
      this.vars = vars
    }
  }

  private walkRange(dot: Value, node: Extract<Node, { type: 'range' }>): void {
    const mark = this.vars.length
    const value = this.evalPipeline(dot, node.pipe)
    const entries: Array<[Value, Value]> = []
    if (Array.isArray(value)) value.forEach((e, i) => entries.push([i, e]))
    else if (value !== null && typeof value === 'object' && !(value instanceof GoFloatValue)) {
      for (const k of Object.keys(value).sort(byBytes)) entries.push([k, (value as Record<string, unknown>)[k]])
    } else if (value !== INVALID && value !== null) this.errorf(`range can't iterate over ${goPrint(value)}`)
    // Range variables: `$e :=` is the element, `$i, $e :=` the key and the element.
    const [keyVar, elementVar] = node.pipe.decl.length === 2 ? node.pipe.decl : [undefined, node.pipe.decl[0]]
    for (const name of [keyVar, elementVar]) if (name) this.vars.push({ name, value: INVALID })
    const loopMark = this.vars.length
    for (const [key, element] of entries) {
      if (keyVar) this.setVar(keyVar, key)
      if (elementVar) this.setVar(elementVar, element)
      try {
        this.walkList(element, node.list)
      } catch (e) {
        if (e instanceof BreakSignal) break
        if (!(e instanceof ContinueSignal)) throw e
      } finally {
        this.vars.length = loopMark
      }
    }
    if (entries.length === 0 && node.elseList) this.walkList(dot, node.elseList)
    this.vars.length = mark
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value
        return
      }
    }
    this.vars.push({ name, value })
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value
    this.errorf(`undefined variable: ${name}`)
  }

  private evalPipeline(dot: Value, pipe: Pipe): Value {
    let value: Value = MISSING
    this.at(pipe, '')
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value)
      // An interface{} holding nil is dug down to no value at all (exec.go evalPipeline).
      if (value === null) value = INVALID
    }
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, value)
      else this.vars.push({ name, value })
    }
    return value
  }

  private evalCommand(dot: Value, cmd: Command, final: Value): Value {
    const first = cmd.args[0]!
    switch (first.type) {
      case 'field':
        this.at(first, argText(first))
        return this.evalFieldChain(dot, dot, first.ident, cmd, final, true)
      case 'chain': {
        this.at(first, argText(first))
        const receiver = this.evalArg(dot, first.node)
        return this.evalFieldChain(dot, receiver, first.field, cmd, final, false)
      }
      case 'identifier':
        this.at(first, argText(first))
        return this.evalFunction(dot, first.name, cmd, final)
      case 'pipe':
        this.notAFunction(cmd, final)
        return this.evalPipeline(dot, first.pipe)
      case 'variable': {
        this.at(first, argText(first))
        const value = this.varValue(first.ident[0]!)
        if (first.ident.length === 1) {
          this.notAFunction(cmd, final)
          return value
        }
        return this.evalFieldChain(dot, value, first.ident.slice(1), cmd, final, false)
      }
    }
    this.at(first, argText(first))
    this.notAFunction(cmd, final)
    return this.literal(dot, first)
  }

  private literal(dot: Value, arg: Arg): Value {
    switch (arg.type) {
      case 'bool':
        return arg.value
      case 'dot':
        return dot
      case 'nil':
        this.errorf('nil is not a command')
      // eslint-disable-next-line no-fallthrough
      case 'number':
        return arg.int !== undefined ? arg.int : new GoFloatValue(arg.float!)
      case 'string':
        return arg.text
      default:
        this.errorf(`can't evaluate command ${JSON.stringify(argText(arg))}`)
    }
  }

  private notAFunction(cmd: Command, final: Value): void {
    if (cmd.args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${argText(cmd.args[0]!)}`)
  }

  /** Each field of a chain in turn; only the last may take the command's arguments (which a map refuses). */
  private evalFieldChain(dot: Value, receiver: Value, ident: string[], cmd: Command, final: Value, rootIsDot: boolean): Value {
    let value = receiver
    for (let i = 0; i < ident.length; i++) {
      const last = i === ident.length - 1
      const hasArgs = last && (cmd.args.length > 1 || final !== MISSING)
      value = this.evalField(ident[i]!, value, hasArgs, rootIsDot && i === 0 && value === dot)
    }
    return value
  }

  private evalField(field: string, receiver: Value, hasArgs: boolean, isRootMap: boolean): Value {
    if (receiver === INVALID) {
      if (this.options.missingKeyError) this.errorf(`nil data; no entry for key ${JSON.stringify(field)}`)
      return INVALID
    }
    const type = isRootMap && this.vars[0]!.value === receiver ? 'map[string]interface {}' : 'interface {}'
    if (receiver === null) this.errorf(`nil pointer evaluating ${type}.${field}`)
    if (typeof receiver === 'object' && !Array.isArray(receiver) && !(receiver instanceof GoFloatValue)) {
      if (hasArgs) this.errorf(`${field} is not a method but has arguments`)
      if (Object.hasOwn(receiver as object, field)) return (receiver as Record<string, unknown>)[field]
      if (this.options.missingKeyError) this.errorf(`map has no entry for key ${JSON.stringify(field)}`)
      return INVALID
    }
    this.errorf(`can't evaluate field ${field} in type ${type}`)
  }

  private evalArg(dot: Value, arg: Arg): Value {
    this.at(arg, argText(arg))
    switch (arg.type) {
      case 'dot':
        return dot
      case 'nil':
        return null
      case 'field':
        return this.evalFieldChain(dot, dot, arg.ident, { pos: arg.pos, args: [arg] }, MISSING, true)
      case 'variable': {
        const value = this.varValue(arg.ident[0]!)
        return arg.ident.length === 1 ? value : this.evalFieldChain(dot, value, arg.ident.slice(1), { pos: arg.pos, args: [arg] }, MISSING, false)
      }
      case 'pipe':
        return this.evalPipeline(dot, arg.pipe)
      case 'chain': {
        const receiver = this.evalArg(dot, arg.node)
        return this.evalFieldChain(dot, receiver, arg.field, { pos: arg.pos, args: [arg] }, MISSING, false)
      }
      case 'identifier':
        return this.evalFunction(dot, arg.name, { pos: arg.pos, args: [arg] }, MISSING)
      default:
        return this.literal(dot, arg)
    }
  }

  private evalFunction(dot: Value, name: string, cmd: Command, final: Value): Value {
    const fn = (this.options.functions ?? FUNCTIONS)[name]
    if (!fn) this.errorf(`${JSON.stringify(name)} is not a defined function`)
    const argNodes = cmd.args.slice(1)
    const count = argNodes.length + (final !== MISSING ? 1 : 0)
    if (fn.variadic ? count < fn.arity : count !== fn.arity) {
      this.errorf(fn.variadic ? `wrong number of args for ${name}: want at least ${fn.arity} got ${count}` : `wrong number of args for ${name}: want ${fn.arity} got ${count}`)
    }
    // and/or evaluate their arguments only as far as needed (Go 1.18+).
    if (name === 'and' || name === 'or') {
      let value: Value = INVALID
      const all = argNodes.map((a) => () => this.evalArg(dot, a))
      if (final !== MISSING) all.push(() => final)
      for (const next of all) {
        value = next()
        if (isTrue(value) === (name === 'or')) break
      }
      return value
    }
    const args = argNodes.map((a) => this.evalArg(dot, a))
    if (final !== MISSING) args.push(final)
    try {
      return fn.call(args)
    } catch (e) {
      if (!(e instanceof CallError)) throw e
      this.at(cmd, commandText(cmd))
      this.errorf(`error calling ${name}: ${e.message}`)
    }
  }
}

/** printValue: no value prints `<no value>`, the rest as fmt.Fprint prints it. */
function printValue(v: Value): string {
  if (v === INVALID) return '<no value>'
  return goPrint(v)
}

function byBytes(a: string, b: string): number {
  // Outside the surrogates, UTF-16 code units order strings as their UTF-8 bytes do (and far faster).
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

const SURROGATE = /[\ud800-\udfff]/
