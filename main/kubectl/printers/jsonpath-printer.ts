// -o jsonpath=, jsonpath-file= and jsonpath-as-json=, after cli-runtime printers/jsonpath.go (JSONPathPrinter)
// and genericclioptions/jsonpath_flags.go (v0.32.5): the template parsed once (kubectl's words when it does not
// parse), executed over the object or the List get built, with upstream's debugging text when it fails.

import { JsonPath } from './jsonpath/jsonpath'
import { goSharpV } from './jsonpath/go-value'
import { goQuote } from '../../gostd/gofmt'
import type { ObjectPrinter } from './object-printer'

export interface JsonPathOptions {
  /** --allow-missing-template-keys (default true). */
  allowMissingKeys: boolean
  /** jsonpath-as-json: results as an indented JSON array. */
  json: boolean
}

/** NewJSONPathPrinter: the printer, or JSONPathPrintFlags.ToPrinter's `error parsing jsonpath T, reason`. */
export function jsonPathPrinter(template: string, options: JsonPathOptions): ObjectPrinter | { error: string } {
  // A JSONPath keeps range state and cuts its own template as it runs (jsonpath.go FindResults), so each
  // PrintObj gets a fresh one, parsed from the same text; the first parse tells whether the template is valid.
  const make = () => {
    const j = new JsonPath('out').setAllowMissingKeys(options.allowMissingKeys).enableJsonOutput(options.json)
    j.parse(template)
    return j
  }
  try {
    make()
  } catch (e) {
    return { error: `error parsing jsonpath ${template}, ${(e as Error).message}` }
  }
  return {
    print(object) {
      try {
        return { text: make().execute(object) }
      } catch (e) {
        // PrintObj: the partial output is lost (FindResults runs before anything is written).
        const debug =
          `Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${template}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSharpV(object)}\n\n`
        return { text: '', error: `error executing jsonpath ${goQuote(template)}: ${debug}\n` }
      }
    },
  }
}
