// mvdan-sh (mvdan/sh's Go parser compiled to JavaScript), loaded on first use: it takes ~180 ms to load and
// most engine runs never start a shell. Its operators are numeric token codes that change between releases,
// so their meanings are learnt once by parsing small probe snippets rather than written down as numbers.

import { createRequire } from 'node:module'

/** The parser's nodes: opaque Go structs whose fields read as properties. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GoNode = any

export interface Mvdan {
  /** Parses `src` as POSIX sh (dash) or bash (bash, busybox ash, which takes most bashisms); throws ParseFailure. */
  parse(src: string, lang: 'posix' | 'bash'): GoNode
  nodeType(node: GoNode): string
  /** Operator code -> its text (`&&`, `>>`, `:-`, `+=`, `;;` ...), learnt from probes. */
  ops: { binCmd: Map<number, string>; redir: Map<number, string>; param: Map<number, string>; arith: Map<number, string>; caseItem: Map<number, string> }
}

/** A syntax error: mvdan's message (`1:9: "if" must be followed by a statement list`) and whether more input would complete it. */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly incomplete: boolean,
  ) {
    super(message)
  }
}

let loaded: Mvdan | undefined

export function mvdan(): Mvdan {
  loaded ??= load()
  return loaded
}

function load(): Mvdan {
  const syntax = createRequire(import.meta.url)('mvdan-sh').syntax
  const parsers = { posix: syntax.NewParser(syntax.Variant(syntax.LangPOSIX)), bash: syntax.NewParser(syntax.Variant(syntax.LangBash)) }
  const parse = (src: string, lang: 'posix' | 'bash'): GoNode => {
    try {
      return parsers[lang].Parse(src, '')
    } catch (e) {
      const failure = e as { Error?: () => string }
      if (typeof failure?.Error !== 'function') throw e
      const message = failure.Error()
      throw new ParseFailure(message, Number(/^(\d+):/.exec(message)?.[1] ?? 1), Boolean(syntax.IsIncomplete(e)))
    }
  }
  const first = (src: string): GoNode => parse(src, 'bash').Stmts[0]
  const learn = (texts: string[], codeOf: (text: string) => number): Map<number, string> => new Map(texts.map((t) => [codeOf(t), t]))
  const ops = {
    binCmd: learn(['&&', '||', '|', '|&'], (op) => first(`a ${op} b`).Cmd.Op),
    redir: learn(['>', '>>', '<', '>&', '<&', '<>', '>|', '&>', '&>>', '<<<'], (op) => first(`a ${op}b`).Redirs[0].Op),
    param: learn([':-', '-', ':=', '=', ':+', '+', ':?', '?', '%', '%%', '#', '##', '^', '^^', ',', ',,'], (op) => first(`a \${x${op}y}`).Cmd.Args[1].Parts[0].Exp.Op),
    arith: learn(
      ['+', '-', '*', '/', '%', '**', '<<', '>>', '&', '|', '^', '&&', '||', '==', '!=', '<', '>', '<=', '>=', '=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=', ','],
      (op) => first(`a $((x ${op} y))`).Cmd.Args[1].Parts[0].X.Op,
    ),
    caseItem: learn([';;', ';&', ';;&'], (op) => first(`case x in a) b ${op} esac`).Cmd.Items[0].Op),
  }
  for (const [src, text] of [['$((!x))', '!'], ['$((~x))', '~'], ['$((x++))', '++'], ['$((x--))', '--']] as const) {
    ops.arith.set(first(`a ${src}`).Cmd.Args[1].Parts[0].X.Op, text)
  }
  const tern = first('a $((x ? y : z))').Cmd.Args[1].Parts[0].X
  ops.arith.set(tern.Op, '?')
  ops.arith.set(tern.Y.Op, ':')
  for (const op of ['<<', '<<-']) ops.redir.set(first(`a ${op}E\nE\n`).Redirs[0].Op, op)
  return { parse, nodeType: (node) => syntax.NodeType(node), ops }
}
