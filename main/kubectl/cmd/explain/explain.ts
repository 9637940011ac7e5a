// `kubectl explain TYPE[.FIELD...]`, after kubectl pkg/cmd/explain/explain.go (v0.32.5): the resource mapped as
// pkg/explain/explain.go SplitAndParseResourceRequest(WithMatchingPrefix) maps it, its group-version's OpenAPI v3
// document from the server (Engine.openAPIV3), rendered by pkg/explain/v2's plaintext template (./generator.ts).
// Besides the kinds Podlab serves, the mapping knows the ones the documents describe that it does not simulate
// (Service, CronJob, StatefulSet...: DOCUMENTED_ONLY_RESOURCES), as a real cluster's discovery does.

import type { FlagValues } from '../../../gostd/pflag'
import { DOCUMENTED_ONLY_RESOURCES, type Engine, type ResourceRef } from '../../../engine'
import { parseGroupVersion } from '../../mapping'
import { parse as parseJsonPath, JsonPathParseError } from '../../printers/jsonpath/parser'
import type { Node as JsonPathNode } from '../../printers/jsonpath/node'
import { checkErrText, plain } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { notYetError, type Command } from '../command'
import { gvrString, render, type GroupVersionResource } from './generator'
import { HELP } from './help'

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  group: 'Basic Commands (Intermediate):',
  flags: [
    { long: 'recursive', type: 'bool' },
    { long: 'api-version', type: 'string' },
    { long: 'output', short: 'o', type: 'string', defValue: 'plaintext' },
  ],
  help: HELP,
  run: runExplain,
}

/** A parse or mapping failure, worded as checkErr prints it (`text` already final when `raw`). */
class ExplainFailure {
  constructor(
    readonly text: string,
    readonly raw = false,
  ) {}
}

function runExplain(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const apiVersion = String(flags['api-version'] ?? '')
  const recursive = flags.recursive === true
  const outputFormat = String(flags.output ?? 'plaintext')
  // Validate
  if (args.length === 0) return fail(checkErrText(plain('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n')))
  if (args.length > 1) return fail(checkErrText(plain('We accept only this format: explain RESOURCE\n')))
  // Run
  let gvr: GroupVersionResource
  let fieldsPath: string[]
  try {
    ;({ gvr, fieldsPath } = apiVersion === '' ? splitWithMatchingPrefix(io.engine, args[0]!) : split(io.engine, args[0]!))
  } catch (e) {
    if (!(e instanceof ExplainFailure)) throw e
    return fail(e.raw ? e.text : checkErrText(plain(e.text)))
  }
  // Podlab's API server serves OpenAPI v3 only: the v2 renderer (pkg/explain's proto models) has nothing to read.
  if (outputFormat === 'plaintext-openapiv2') return fail(notYetError('--output=plaintext-openapiv2 (Podlab serves the OpenAPI v3 schema only)'))
  if (apiVersion !== '') {
    const gv = parseGroupVersion(apiVersion)
    if ('error' in gv) return fail(checkErrText(plain(gv.error)))
    gvr = { ...gvr, group: gv.group, version: gv.version }
  }
  return printModelDescription(io.engine, fieldsPath, gvr, recursive, outputFormat)
}

/** v2 printModelDescriptionWithGenerator: the group-version's document from the root's paths, then Render. */
function printModelDescription(engine: Engine, fieldsPath: string[], gvr: GroupVersionResource, recursive: boolean, outputFormat: string): KubectlResult {
  const resourcePath = gvr.group === '' ? `api/${gvr.version}` : `apis/${gvr.group}/${gvr.version}`
  const document = Object.hasOwn(engine.openAPIV3Root().paths, resourcePath) ? engine.openAPIV3(resourcePath) : undefined
  if (!document) return fail(checkErrText(plain(`couldn't find resource for "${gvrString(gvr)}"`)))
  const rendered = render(outputFormat, document, gvr, fieldsPath, recursive)
  if (rendered.error === undefined) return ok(rendered.text)
  return fail(checkErrText(plain(rendered.error)), rendered.text)
}

/** What explain maps a type against: the served resources, then the documented ones Podlab does not serve. */
function mappable(engine: Engine): ResourceRef[] {
  const served = engine.resources()
  const extra = DOCUMENTED_ONLY_RESOURCES.filter((d) => !served.some((r) => r.group === d.group && r.resource === d.resource))
  return [...served, ...extra]
}

/** RESTMapper.ResourcesFor({Resource: name}): every resource whose plural, singular or short name it is. */
function resourcesFor(engine: Engine, name: string): ResourceRef[] {
  const wanted = name.toLowerCase()
  const found = mappable(engine).filter((r) => r.resource === wanted || r.singular === wanted || r.kind.toLowerCase() === wanted || (r.shortNames ?? []).includes(wanted))
  // checkErr's NoResourceMatchError: printed as it is, without `error: `.
  if (found.length === 0) throw new ExplainFailure(`the server doesn't have a resource type ${JSON.stringify(name)}\n`, true)
  return found
}

const toGVR = (r: ResourceRef): GroupVersionResource => ({ group: r.group, version: r.version, resource: r.resource })

/** jsonPathParse: `{.IN}` parsed by client-go's JSONPath, its one list's nodes. */
function jsonPathParse(input: string): JsonPathNode[] {
  const trimmed = input.endsWith('.') ? input.slice(0, -1) : input
  let root
  try {
    root = parseJsonPath(`{.${trimmed}}`)
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new ExplainFailure(e.message)
    throw e
  }
  if (root.nodes.length !== 1) throw new ExplainFailure('must pass in 1 jsonpath string')
  return (root.nodes[0] as Extract<JsonPathNode, { type: 'NodeList' }>).nodes
}

function fieldNames(nodes: JsonPathNode[], message: string): string[] {
  return nodes.map((n) => {
    if (n.type !== 'NodeField') throw new ExplainFailure(message)
    return n.value
  })
}

function firstField(nodes: JsonPathNode[]): string {
  const first = nodes[0]
  if (first?.type !== 'NodeField') throw new ExplainFailure('invalid jsonpath syntax, first node must be field node')
  return first.value
}

/** SplitAndParseResourceRequest (with --api-version): the first field names the resource, the rest are fields. */
function split(engine: Engine, input: string): { gvr: GroupVersionResource; fieldsPath: string[] } {
  const nodes = jsonPathParse(input)
  const gvr = toGVR(resourcesFor(engine, firstField(nodes))[0]!)
  return { gvr, fieldsPath: fieldNames(nodes.slice(1), 'invalid jsonpath syntax, all nodes must be field nodes') }
}

/**
 * SplitAndParseResourceRequestWithMatchingPrefix: the first resource whose `resource.group` begins the input
 * (`deployments.apps.spec`) takes the rest as fields; else the first match, with every field after the type.
 */
function splitWithMatchingPrefix(engine: Engine, input: string): { gvr: GroupVersionResource; fieldsPath: string[] } {
  const nodes = jsonPathParse(input)
  const refs = resourcesFor(engine, firstField(nodes))
  for (const ref of refs) {
    const groupResource = ref.group ? `${ref.resource}.${ref.group}` : ref.resource
    if (!input.startsWith(groupResource)) continue
    const suffix = input.slice(groupResource.length)
    const fieldsPath = suffix.length > 0 ? fieldNames(jsonPathParse(suffix).slice(1), 'invalid jsonpath syntax, first node must be field node') : []
    return { gvr: toGVR(ref), fieldsPath }
  }
  return { gvr: toGVR(refs[0]!), fieldsPath: fieldNames(nodes.slice(1), 'invalid jsonpath syntax, first node must be field node') }
}
