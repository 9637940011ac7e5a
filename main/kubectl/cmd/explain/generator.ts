// kubectl explain's OpenAPI v3 renderer, after k8s.io/kubectl/pkg/explain/v2/generator.go and explain.go
// (v0.32.5): the real templates/plaintext.tmpl (copied byte for byte from kubectl 1.32.5, Apache-2.0) parsed
// by Podlab's port of Go's text/template with explain's functions (./funcs.ts), executed over the
// group-version's document and a TemplateContext {GVR, Document, Recursive, FieldPath}.

import plaintext from './templates/plaintext.tmpl?raw'
import { parseTemplateSet, type Node } from '../../printers/gotemplate/parse'
import { execute } from '../../printers/gotemplate/exec'
import { CallError, type Value } from '../../printers/gotemplate/funcs'
import { ExplainError, explainFunctions } from './funcs'

export interface GroupVersionResource {
  group: string
  version: string
  resource: string
}

/** What Render prints: the text written, and the error the template ended with (kubectl's wording). */
export interface Rendered {
  text: string
  error?: string
}

interface CompiledTemplate {
  source: string
  root: Node[]
  defines: Map<string, Node[]>
}

const compiled = new Map<string, CompiledTemplate>()

/** registerBuiltinTemplates: the templates explain's --output names, parsed once. */
function template(name: string): CompiledTemplate | undefined {
  if (name !== 'plaintext') return undefined
  let t = compiled.get(name)
  if (!t) {
    const names = new Set(Object.keys(explainFunctions(() => '')))
    t = { source: plaintext, ...parseTemplateSet(plaintext, name, names) }
    compiled.set(name, t)
  }
  return t
}

/** schema.GroupVersionResource.String(): `apps/v1, Resource=deployments`, `/v1, Resource=pods`. */
export function gvrString(gvr: GroupVersionResource): string {
  return `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`
}

/**
 * generator.Render: the named template (`plaintext`) over `document` (one group-version's OpenAPI v3 document)
 * for `gvr`, narrowed to `fieldPath`, every level of fields when `recursive`. An unknown template name is
 * `unrecognized format: NAME`; what `throw` raises (`error: field "x" does not exist`) comes back as it is, after
 * the text written before it.
 */
export function render(templateName: string, document: unknown, gvr: GroupVersionResource, fieldPath: string[], recursive: boolean): Rendered {
  const t = template(templateName)
  if (!t) return { text: '', error: `unrecognized format: ${templateName}` }
  const functions = explainFunctions(include)
  const options = { missingKeyError: false, functions, templates: t.defines }
  function include(name: string, data: Value): string {
    const tree = t!.defines.get(name)
    if (!tree) throw new CallError(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(templateName)}`)
    const result = execute(tree, t!.source, name, data, options)
    if (result.cause instanceof ExplainError) throw result.cause
    if (result.error !== undefined) throw new CallError(result.error)
    return result.text
  }
  const context = {
    GVR: { Group: gvr.group, Version: gvr.version, Resource: gvr.resource, String: gvrString(gvr) },
    Document: document,
    Recursive: recursive,
    FieldPath: fieldPath,
  }
  const result = execute(t.root, t.source, templateName, context, options)
  return result.error === undefined ? { text: result.text } : { text: result.text, error: result.error }
}
