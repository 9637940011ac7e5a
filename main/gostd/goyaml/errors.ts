// go-yaml v2's error state (yaml_parser_t error, problem, problem_mark, context, context_mark) and how
// yaml.Unmarshal words it (sigs.k8s.io/yaml v1.4.0 goyaml.v2/decode.go parser.fail): "yaml: line N: problem".

export interface Mark {
  /** Characters from the start of the document. */
  index: number
  /** 0-based. */
  line: number
  /** 0-based, in characters. */
  column: number
}

export const ZERO_MARK: Mark = { index: 0, line: 0, column: 0 }

/**
 * Where the error arose: go-yaml's reader, scanner, parser (events) or decoder (the node tree), or
 * sigs.k8s.io/yaml's conversion of the decoded value to JSON ('convert', whose text has no "yaml: ").
 */
export type YamlErrorKind = 'reader' | 'scanner' | 'parser' | 'decoder' | 'convert'

/**
 * An error go-yaml raises, with the problem and the marks it kept. `message` is go-yaml's text without its
 * "yaml: " prefix: parser.fail() names the problem's line (a scanner's counted from 1, the parser's from 0, as
 * go-yaml v2 does), else the context's, and no line when both are on the first line.
 */
export class YamlError extends Error {
  constructor(
    readonly kind: YamlErrorKind,
    readonly problem: string,
    readonly problemMark: Mark = ZERO_MARK,
    readonly context = '',
    readonly contextMark: Mark = ZERO_MARK,
  ) {
    super(kind === 'decoder' || kind === 'convert' ? problem : failText(kind, problem, problemMark, contextMark))
    this.name = 'YamlError'
  }

  /** The error as YAMLToJSON returns it: go-yaml's own with "yaml: " before it. */
  get text(): string {
    return this.kind === 'convert' ? this.message : `yaml: ${this.message}`
  }
}

function failText(kind: YamlErrorKind, problem: string, problemMark: Mark, contextMark: Mark): string {
  let line = 0
  if (problemMark.line !== 0) {
    line = problemMark.line
    // "Scanner errors don't iterate line before returning error" (decode.go): only theirs gets the +1.
    if (kind === 'scanner') line++
  } else if (contextMark.line !== 0) {
    line = contextMark.line
  }
  const where = line !== 0 ? `line ${line}: ` : ''
  return `${where}${problem.length > 0 ? problem : 'unknown problem parsing YAML content'}`
}
