// -o go-template=, go-template-file=, template= and --template, after cli-runtime printers/template.go
// (GoTemplatePrinter, v0.32.5): the template named "output" with kubectl's extra functions, missingkey=default
// unless --allow-missing-template-keys=false, and on failure the debugging text written to stdout before the
// error. Go's text/template is ported in part (parse.ts says what is not); no npm library reproduces its
// behaviour and error texts.

import { parseTemplate } from './parse'
import { execute } from './exec'
import { FUNCTIONS } from './funcs'
import { goPrint } from '../jsonpath/go-value'
import { toJsonLine } from '../json'
import type { ObjectPrinter } from '../object-printer'
import { goQuote } from '../../../gostd/gofmt'

const NAMES = new Set(Object.keys(FUNCTIONS))

/** NewGoTemplatePrinter: the printer, or GoTemplatePrintFlags.ToPrinter's `error parsing template T, reason`. */
export function goTemplatePrinter(template: string, options: { allowMissingKeys: boolean }): ObjectPrinter | { error: string } {
  let nodes
  try {
    nodes = parseTemplate(template, 'output', NAMES)
  } catch (e) {
    return { error: `error parsing template ${template}, ${(e as Error).message}` }
  }
  return {
    print(object) {
      const result = execute(nodes, template, 'output', object, { missingKeyError: !options.allowMissingKeys })
      if (result.error === undefined) return { text: result.text }
      const debug =
        `Error executing template: ${result.error}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\traw data was:\n\t\t${toJsonLine(object).slice(0, -1)}\n` +
        `\tobject given to template engine was:\n\t\t${goPrint(object)}\n\n`
      return { text: result.text + debug, error: `error executing template ${goQuote(template)}: ${result.error}` }
    },
  }
}
