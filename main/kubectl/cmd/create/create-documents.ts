// `kubectl create -f`'s visit of one source (kubectl pkg/cmd/create/create.go RunCreate, v0.32.5, over the
// builder's file visitor with ContinueOnError): each object in file order is annotated with --save-config, POSTed
// (unless --dry-run=client; with dryRun=All on --dry-run=server) and printed; a document that cannot be visited or created is an error in its place
// and the others go on. Doors other than the CLI can call this with a manifest's text.

import type { Engine } from '../../../engine'
import { addSourceToErr, fromThrown, type CliError } from '../../errors'
import { lastAppliedConfiguration, withLastApplied } from '../../last-applied'
import { isSlotError, sourceName, visitDocuments } from '../../resource/documents'
import { printObject, serverDryRun, type DryRun, type FieldValidation, type PrintFormat } from './create-options'
import type { KubeObject } from '../../../kube'

export interface CreateDocumentsOptions {
  /** The namespace objects without one go to (kubeconfig's, or -n). */
  namespace: string
  /** -n was given: an object naming another namespace is an error. */
  enforceNamespace: boolean
  dryRun: DryRun
  fieldValidation: FieldValidation
  /** --field-manager (kubectl-create). */
  fieldManager: string
  showManagedFields: boolean
  saveConfig: boolean
  format: PrintFormat
  /** Objects printed before this source (a YAML document after the first is preceded by `---`). */
  printedBefore: number
}

export interface CreateDocumentsReport {
  /** What kubectl printed for the objects created, in order. */
  stdout: string
  /** How many objects were created (or would be, on a client dry run). */
  count: number
  /** Errors of the objects visited (a namespace -n refuses, a failed create), in order. */
  errors: CliError[]
  /**
   * Errors of the reading itself (a kind with no mapping, then what stopped the file), which the builder's
   * EagerVisitorList keeps apart and returns after the visit: kubectl prints them after the others.
   */
  visitErrors: CliError[]
}

export function createDocuments(engine: Engine, text: string, source: string, o: CreateDocumentsOptions): CreateDocumentsReport {
  const shown = sourceName(source)
  const report: CreateDocumentsReport = { stdout: '', count: 0, errors: [], visitErrors: [] }
  // The schema check (kubectl's apiVersion/kind words) is off with --validate=false.
  const { slots, stop } = visitDocuments(engine, text, source, { namespace: o.namespace, enforceNamespace: o.enforceNamespace, validate: o.fieldValidation !== 'Ignore' })
  for (const slot of slots) {
    if (isSlotError(slot)) {
      ;(slot.kind === 'plain' && (slot.reason === 'NoKindMatch' || slot.reason === 'NotSimulated') ? report.visitErrors : report.errors).push(slot)
      continue
    }
    let object = slot.object
    if (o.saveConfig) object = withLastApplied(object, lastAppliedConfiguration(object))
    let created = object as unknown as KubeObject
    if (o.dryRun !== 'client') {
      try {
        created = engine.create(object, { fieldValidation: o.fieldValidation, fieldManager: o.fieldManager, ...serverDryRun(o.dryRun) })
      } catch (e) {
        report.errors.push(addSourceToErr('creating', shown, fromThrown(e)))
        continue
      }
    }
    report.stdout += printObject(o.format, o.dryRun, slot.ref, created, false, o.printedBefore + report.count === 0, o.showManagedFields)
    report.count++
  }
  if (stop) report.visitErrors.push(stop)
  return report
}
