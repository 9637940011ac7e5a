// kubectl apply's client-side flow (kubectl pkg/cmd/apply/apply.go v0.32.5, over cli-runtime's resource
// builder): decode and validate every document, map its kind, then for each object GET it by name and either
// create it (with the last-applied annotation, fieldValidation=Strict) or compare and patch it. Like kubectl,
// every document is read and mapped before anything is applied, and a broken document ends the reading but
// not the applying of the documents before it.

import type { ApplyOutcome } from '../contract'
import type { Engine } from '../engine'
import { isApiError } from '../engine'
import { addSourceToErr, fromThrown, plain, toContractError, type CliError } from './errors'
import { patchObject } from './apply-patch'
import { LAST_APPLIED, lastAppliedConfiguration, pruneNulls, withLastApplied } from './last-applied'
import { gvkString, gvrString, kindSlashName } from './mapping'
import { isSlotError, sourceName, visitDocuments, type DocumentInfo } from './resource/documents'

export interface ApplyOptions {
  /** The namespace objects without one go to (kubeconfig's, or -n). */
  namespace?: string
  /** -n was given: an object naming another namespace is an error. */
  enforceNamespace?: boolean
  /** --dry-run: client sends nothing that changes; server sends the create or patch with dryRun=All. */
  dryRun?: 'none' | 'client' | 'server'
  /** --field-manager (kubectl-client-side-apply). */
  fieldManager?: string
}

type Result = { ok: true; line: string } | { ok: false; error: CliError }

export interface ApplyReport {
  /** One result per document that was read, in file order, then the error that stopped reading, if any. */
  results: Result[]
  /** Errors from reading and mapping, which kubectl reports first. */
  visitErrors: CliError[]
  /** Errors from the server calls, in apply order. */
  applyErrors: CliError[]
  /** Warnings kubectl writes to stderr while applying. */
  warnings: string[]
  /** Per result (same index), the warnings kubectl wrote just before it (the last-applied and deleting ones). */
  warnedBefore: string[]
}


/** The contract call: one outcome per document, each error in the words kubectl prints for it alone. */
export function applyManifests(engine: Engine, text: string, source: string): ApplyOutcome[] {
  return applyDocuments(engine, text, source).results.map((r) => (r.ok ? r : { ok: false, error: toContractError(r.error) }))
}

export function applyDocuments(engine: Engine, text: string, source: string, options: ApplyOptions = {}): ApplyReport {
  const shown = sourceName(source)
  const defaultNamespace = options.namespace ?? 'default'
  const report: ApplyReport = { results: [], visitErrors: [], applyErrors: [], warnings: [], warnedBefore: [] }

  const { slots, stop } = visitDocuments(engine, text, source, { namespace: defaultNamespace, enforceNamespace: options.enforceNamespace === true, validate: true })
  report.visitErrors = [...slots.filter(isSlotError), ...(stop ? [stop] : [])]
  if (slots.length === 0 && !stop) {
    const none = plain('no objects passed to apply')
    return { ...report, results: [{ ok: false, error: none }], applyErrors: [none], warnedBefore: [''] }
  }

  for (const slot of slots) {
    if (isSlotError(slot)) {
      report.results.push({ ok: false, error: slot })
      report.warnedBefore.push('')
      continue
    }
    const before = report.warnings.length
    const result = applyOne(engine, slot, shown, report.warnings, options.dryRun ?? 'none', options.fieldManager ?? 'kubectl-client-side-apply')
    if (!result.ok) report.applyErrors.push(result.error)
    report.results.push(result)
    report.warnedBefore.push(report.warnings.slice(before).join(''))
  }
  if (stop) {
    report.results.push({ ok: false, error: stop })
    report.warnedBefore.push('')
  }
  return report
}

function applyOne(engine: Engine, info: DocumentInfo, shown: string, warnings: string[], dryRun: 'none' | 'client' | 'server', fieldManager: string): Result {
  // PrintFlagsWithDryRunStrategy's suffix of the operation line.
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
  const { ref, object, name, namespace } = info
  const metadata = (object.metadata ?? {}) as Record<string, unknown>
  if (!name && typeof metadata.generateName === 'string' && metadata.generateName) {
    return { ok: false, error: plain(`from ${metadata.generateName}: cannot use generate name with apply`) }
  }
  const described = `Resource: ${JSON.stringify(gvrString(ref))}, GroupVersionKind: ${JSON.stringify(gvkString(ref))}\nName: ${JSON.stringify(name)}, Namespace: ${JSON.stringify(namespace)}`
  const annotation = lastAppliedConfiguration(object)
  // GetModifiedConfiguration: the manifest with its annotation, nulls kept (a create prunes them).
  const modified = withLastApplied(object, annotation)

  let current: Record<string, unknown>
  try {
    // client-go refuses a GET without a name before any request is made.
    if (!name) throw plain('resource name may not be empty')
    current = engine.get(ref.resource, ref.namespaced ? namespace : undefined, name) as Record<string, unknown>
  } catch (e) {
    if (!(isApiError(e) && e.reason === 'NotFound')) {
      const err = isCliError(e) ? e : fromThrown(e)
      return { ok: false, error: addSourceToErr(`retrieving current configuration of:\n${described}\nfrom server for:`, shown, err) }
    }
    if (dryRun === 'client') return { ok: true, line: `${kindSlashName(ref, name)} created${suffix}` }
    try {
      engine.create(pruneNulls(modified), { fieldValidation: 'Strict', fieldManager, ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}) })
      return { ok: true, line: `${kindSlashName(ref, name)} created${suffix}` }
    } catch (err) {
      return { ok: false, error: addSourceToErr('creating', shown, fromThrown(err)) }
    }
  }

  // A client dry run neither warns nor patches: the object is said to be configured.
  if (dryRun === 'client') return { ok: true, line: `${kindSlashName(ref, name)} configured${suffix}` }
  const currentAnnotations = ((current.metadata as Record<string, unknown> | undefined)?.annotations ?? {}) as Record<string, string>
  if (!(LAST_APPLIED in currentAnnotations)) {
    warnings.push(
      // info.ObjectName(): the mapping's plural resource, without its group (`deployments/web`).
      `Warning: resource ${ref.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    )
  }
  const patched = patchObject(engine, ref, ref.namespaced ? namespace : undefined, current, modified, shown, { serverDryRun: dryRun === 'server', fieldManager })
  if (patched.error) return { ok: false, error: addSourceToErr(`applying patch:\n${patched.patchBytes}\nto:\n${described}\nfor:`, shown, patched.error) }
  // WarnIfDeleting.
  if ((patched.object?.metadata as Record<string, unknown> | undefined)?.deletionTimestamp) {
    warnings.push(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`)
  }
  return { ok: true, line: `${kindSlashName(ref, name)} ${patched.patchBytes === '{}' ? 'unchanged' : 'configured'}${suffix}` }
}

function isCliError(e: unknown): e is CliError {
  return typeof e === 'object' && e !== null && 'kind' in e && ((e as CliError).kind === 'plain' || (e as CliError).kind === 'status')
}
