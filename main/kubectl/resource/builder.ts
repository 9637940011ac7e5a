// The resource builder every verb uses to turn its arguments into what to act on, after cli-runtime
// pkg/resource/builder.go (v0.32.5), reduced: `TYPE`, `TYPE NAME...`, `TYPE/NAME...`, `T1,T2 [NAME...]`, the
// category `all`, `-f FILE|-` (manifests), `-l SELECTOR`, `--all` and `-A`. It only decides and maps; the verb
// makes the requests (GET/LIST/Table for get, DELETE for delete), and lists through `list()` below.

import type { KubeObject } from '../../kube'
import type { ResourceRef } from '../../engine'
import { plain, type CliError } from '../errors'
import { InputTooLarge, type KubectlIO } from '../io'
import { resourceForArg } from '../mapping'
import { isSlotError, sourceName, visitDocuments } from './documents'
import { isApiError, ApiError } from '../../engine'
import { parseSelector } from '../../engine'
import { goQuote } from '../../gostd/gofmt'

export interface BuilderParams {
  /** NamespaceParam: kubeconfig's namespace, or -n. */
  namespace: string
  /** -n was given: objects in files must be in it (FilenameParam's enforceNamespace). */
  enforceNamespace: boolean
  /** AllNamespaces(-A): lists span every namespace; names are refused. */
  allNamespaces: boolean
  /** -f, in order (`-` is stdin). */
  filenames: string[]
  /** -l, as typed. */
  selector?: string
  /** --field-selector, as typed (FieldSelectorParam): sent with every LIST. */
  fieldSelector?: string
  /** SelectAllParam(--all). */
  selectAll: boolean
  /** ResourceTypeOrNameArgs(allowEmptySelector): a type alone means all of it (get), or needs a name (delete). */
  allowEmptySelector: boolean
  args: string[]
}

/** What to act on: one named object (from arguments or a file), or a list of one type (by selector). */
export type Visit =
  | { kind: 'named'; ref: ResourceRef; namespace: string | undefined; name: string; object?: Record<string, unknown>; source?: string }
  | { kind: 'list'; ref: ResourceRef; namespace: string | undefined; selector: string; fieldSelector?: string }

/** What to visit, and the errors of documents that could not be visited (reported with the requests' errors). */
export interface Built {
  visits: Visit[]
  errors: CliError[]
  /** One object was asked for (one name, one TYPE/NAME, one file that is not stdin): get prints it alone. */
  singleItemImplied: boolean
}

/** builder.go missingResourceError. */
const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/**
 * Do(): the visits in order, or the error kubectl stops with before any request (`error`, for checkErr, or `stderr`
 * already in its words).
 */
export function buildVisits(io: KubectlIO, p: BuilderParams): Built | { error: CliError } | { stderr: string } {
  const built = visitorResult(io, p)
  if (!('visits' in built) || 'errors' in built) return built
  const { args } = p
  const single = args.length === 1 ? args[0]!.includes('/') : args.length === 2 && !args[0]!.includes(',') && p.selector === undefined && !p.selectAll
  return { ...built, errors: [], singleItemImplied: single }
}

function visitorResult(io: KubectlIO, p: BuilderParams): Built | { visits: Visit[] } | { error: CliError } | { stderr: string } {
  const namespace = p.allNamespaces ? '' : p.namespace
  const parsed = parseArgs(io, p.args)
  if ('error' in parsed) return parsed
  let { types, names, tuples } = parsed
  let selector = p.selector
  if (types.length > 0 && names.length === 0 && tuples.length === 0 && selector === undefined && p.allowEmptySelector) selector = ''
  if (p.selectAll) selector = ''

  if (p.filenames.length > 0) {
    if (types.length > 0) return err('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    if (names.length > 0) return err('name cannot be provided when a path is specified')
    if (tuples.length > 0) return err('resource/name arguments cannot be provided when a path is specified')
    return visitPaths(io, p)
  }
  if (selector !== undefined) {
    if (names.length > 0) return err('name cannot be provided when a selector is specified')
    if (tuples.length > 0) return err('selectors and the all flag cannot be used when passing resource/name arguments')
    if (types.length === 0) return err('at least one resource must be specified to use a selector')
    const refs = mapAll(io, types)
    if ('error' in refs) return refs
    const fieldSelector = p.fieldSelector ? { fieldSelector: p.fieldSelector } : {}
    return { visits: refs.refs.map((ref) => ({ kind: 'list', ref, namespace: ref.namespaced ? namespace || undefined : undefined, selector: selector!, ...fieldSelector })) }
  }
  if (tuples.length > 0) {
    // resourceTupleMappings: every type first, in order.
    const refs = new Map<string, ResourceRef>()
    for (const { type } of tuples) {
      if (refs.has(type)) continue
      const ref = mapType(io, type)
      if ('error' in ref) return ref
      refs.set(type, ref.ref)
    }
    const visits: Visit[] = []
    for (const { type, name } of tuples) {
      const ref = refs.get(type)!
      if (ref.namespaced && !namespace) return err(byNameError(p))
      visits.push({ kind: 'named', ref, namespace: ref.namespaced ? namespace : undefined, name })
    }
    return { visits }
  }
  if (names.length > 0) {
    if (types.length > 1) return err('you must specify only one resource')
    const ref = mapType(io, types[0]!)
    if ('error' in ref) return ref
    if (ref.ref.namespaced && !namespace) return err(byNameError(p))
    return { visits: names.map((name) => ({ kind: 'named', ref: ref.ref, namespace: ref.ref.namespaced ? namespace : undefined, name })) }
  }
  if (types.length > 0) {
    const refs = mapAll(io, types)
    if ('error' in refs) return refs
    return err('resource(s) were provided, but no name was specified')
  }
  return err(MISSING_RESOURCE)
}

/**
 * The objects of one list visit (cli-runtime selector.go Visit): a LIST of the type in the namespace, the label
 * selector sent to the server. Throws the engine's ApiError, a BadRequest or NotFound reworded as
 * EnhanceListError does (a bad selector is the server's BadRequest).
 */
export function list(io: KubectlIO, visit: Extract<Visit, { kind: 'list' }>): KubeObject[] {
  try {
    const options = { ...(visit.selector ? { labelSelector: visit.selector } : {}), ...(visit.fieldSelector ? { fieldSelector: visit.fieldSelector } : {}) }
    return io.engine.list(visit.ref.resource, visit.namespace, Object.keys(options).length > 0 ? options : undefined, visit.ref.group).items
  } catch (e) {
    throw enhanceListError(e, visit)
  }
}

/** helper.go EnhanceListError: a BadRequest or NotFound names what was listed and with which selectors. */
function enhanceListError(e: unknown, visit: Extract<Visit, { kind: 'list' }>): unknown {
  if (!isApiError(e) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return e
  // GroupVersionResource.String().
  const subject = goQuote(`${visit.ref.group}/${visit.ref.version}, Resource=${visit.ref.resource}`)
  const message = visit.selector || visit.fieldSelector
    ? `Unable to find ${subject} that match label selector ${goQuote(visit.selector)}, field selector ${goQuote(visit.fieldSelector ?? '')}: ${e.message}`
    : `Unable to list ${subject}: ${e.message}`
  return new ApiError(e.reason, message, e.details)
}

function err(message: string): { error: CliError } {
  return { error: plain(message) }
}

function byNameError(p: BuilderParams): string {
  return p.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name'
}

interface ParsedArgs {
  types: string[]
  names: string[]
  tuples: Array<{ type: string; name: string }>
}

/** ResourceTypeOrNameArgs: `a,b x y` becomes a/x a/y b/x b/y; all TYPE/NAME or none; categories expanded. */
function parseArgs(io: KubectlIO, input: string[]): ParsedArgs | { error: CliError } {
  let args = input
  if (args.length >= 2) {
    const types = splitResourceArgument(args[0]!)
    if (types.length > 1) args = types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`))
  }
  const slashed = args.filter((a) => a.includes('/')).length
  if (slashed > 0) {
    if (slashed !== args.length) {
      return err(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      )
    }
    const tuples: ParsedArgs['tuples'] = []
    for (const a of args) {
      const seg = a.split('/')
      if (seg.length !== 2) return err('arguments in resource/name form may not have more than one slash')
      const [type, name] = seg as [string, string]
      if (!type || !name || splitResourceArgument(type).length !== 1) return err('arguments in resource/name form must have a single resource and name')
      tuples.push({ type, name })
    }
    return { types: [], names: [], tuples }
  }
  if (args.length === 0) return { types: [], names: [], tuples: [] }
  return { types: splitResourceArgument(replaceAliases(io, args[0]!)), names: args.slice(1), tuples: [] }
}

/** builder.go ReplaceAliases: a category (`all`) stands for the resources that carry it, in discovery order. */
function replaceAliases(io: KubectlIO, input: string): string {
  return input
    .split(',')
    .map((arg) => {
      const members = io.engine.resources().filter((r) => r.categories?.includes(arg))
      return members.length > 0 ? members.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)).join(',') : arg
    })
    .join(',')
}

/** builder.go SplitResourceArgument: comma-separated, duplicates dropped. */
export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))]
}

function mapType(io: KubectlIO, type: string): { ref: ResourceRef } | { error: CliError } {
  const ref = resourceForArg(io.engine, type)
  return ref ? { ref } : err(`the server doesn't have a resource type ${JSON.stringify(type)}`)
}

/** resourceMappings: each type mapped, the same resource named twice (`po,pods`) kept once. */
function mapAll(io: KubectlIO, types: string[]): { refs: ResourceRef[] } | { error: CliError } {
  const refs: ResourceRef[] = []
  for (const type of types) {
    const ref = mapType(io, type)
    if ('error' in ref) return ref
    if (!refs.some((r) => r.resource === ref.ref.resource && r.group === ref.ref.group)) refs.push(ref.ref)
  }
  return { refs }
}

/** The extensions a directory's files are read for (visitor.go FileExtensions). */
const FILE_EXTENSIONS = ['.json', '.yaml', '.yml']

/**
 * ExpandPathsToFileVisitors without -R: a directory named by -f stands for its own files with a manifest
 * extension, in filepath.Walk's (byte) order, its subdirectories skipped; undefined for a path that is not a
 * directory. `-f emptyd` with no such file stops everything: `error reading [emptyd]: recognized file
 * extensions are [.json .yaml .yml]`.
 */
function expandDirectory(io: KubectlIO, name: string): string[] | { error: string } | undefined {
  const entries = name === '-' ? undefined : io.listDirectory?.(name)
  if (entries === undefined) return undefined
  const files = entries.filter((f) => FILE_EXTENSIONS.some((ext) => f.endsWith(ext))).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  if (files.length === 0) return { error: `error: error reading [${name}]: recognized file extensions are [${FILE_EXTENSIONS.join(' ')}]\n` }
  const dir = name.length > 1 ? name.replace(/\/+$/, '') : name
  return files.map((f) => (dir === '/' ? `/${f}` : `${dir}/${f}`))
}

/**
 * FilenameParam's reading: each -f source's text, or the error kubectl stops with before any request. A source
 * larger than the API server takes is refused as the server's 413 for the request it would have made: with
 * `writing` ('creating' for create and apply), in the verb's words (`error when creating "big.json": ...`).
 */
export function readSources(io: KubectlIO, filenames: string[], writing?: 'creating'): { sources: Array<{ name: string; text: string }> } | { error: string } {
  const sources: Array<{ name: string; text: string }> = []
  const expanded: string[] = []
  for (const name of filenames) {
    const inside = expandDirectory(io, name)
    if (inside !== undefined && 'error' in inside) return inside
    expanded.push(...(inside ?? [name]))
  }
  for (const name of expanded) {
    try {
      sources.push({ name, text: name === '-' ? io.readStdin() : io.readFile(name) })
    } catch (e) {
      // Too large for one request: nothing is done, as the API server would refuse the body.
      if (e instanceof InputTooLarge) {
        const when = writing ? `error when ${writing} ${JSON.stringify(name === '-' ? 'STDIN' : name)}: ` : ''
        return { error: `Error from server (${e.reason}): ${when}${e.message}\n` }
      }
      if (name === '-') throw e
      return { error: `error: the path ${JSON.stringify(name)} does not exist\n` }
    }
  }
  return { sources }
}

/**
 * visitByPaths (FilenameParam + Flatten, ContinueOnError): each file's objects (documents.ts), narrowed by -l;
 * a document's error kept in `errors` and the visit going on, a file that stops reading ending its own visit.
 */
function visitPaths(io: KubectlIO, p: BuilderParams): Built | { error: CliError } | { stderr: string } {
  let selector = parseSelector('')
  try {
    if (p.selector !== undefined) selector = parseSelector(p.selector)
  } catch (e) {
    // visitByPaths filters client-side, and says so.
    return err(`the provided selector ${JSON.stringify(p.selector)} is not valid: ${e instanceof Error ? e.message : String(e)}`)
  }
  const read = readSources(io, p.filenames)
  if ('error' in read) return { stderr: read.error }
  const built: Built = { visits: [], errors: [], singleItemImplied: p.filenames.length === 1 && p.filenames[0] !== '-' }
  for (const source of read.sources) {
    const { slots, stop } = visitDocuments(io.engine, source.text, source.name, { namespace: p.namespace, enforceNamespace: p.enforceNamespace, validate: false })
    for (const slot of slots) {
      if (isSlotError(slot)) built.errors.push(slot)
      else if (selector.matches((slot.object.metadata as { labels?: Record<string, string> }).labels)) {
        built.visits.push({ kind: 'named', ref: slot.ref, namespace: slot.ref.namespaced ? slot.namespace : undefined, name: slot.name, object: slot.object, source: sourceName(source.name) })
      }
    }
    if (stop) built.errors.push(stop)
  }
  return built
}
