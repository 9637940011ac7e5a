// `kubectl apply --server-side`'s per-object step (kubectl pkg/cmd/apply/apply.go applyOneObject, v0.32.5):
// the whole object is sent as an apply patch (PATCH application/apply-patch+yaml, fieldManager, force) with no
// GET before; the server creates or merges it. Success prints `pod/x serverside-applied`; a Conflict is wrapped
// in kubectl's hint text (a plain error then, `error: Apply failed with ...`); any other error is the server's.
// After a successful apply, csa-upgrade.ts moves a client-side applied object's managers to the applier.

import type { KubeObject } from '../../../kube'
import type { Engine } from '../../../engine'
import { fromThrown, plain, type CliError } from '../../errors'
import { kindSlashName } from '../../mapping'
import type { DocumentInfo } from '../../resource/documents'
import { upgradeAfterApply } from './csa-upgrade'

/** kubectl's wrapping of an apply Conflict (apply.go, the `errors.IsConflict(err)` branch). */
export const CONFLICT_HINT = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`

export interface ServerSideOptions {
  fieldManager: string
  force: boolean
  dryRun: 'none' | 'server'
  fieldValidation: 'Strict' | 'Warn' | 'Ignore'
}

export type ServerSideResult = { ok: true; line: string; object: KubeObject; warning?: string } | { ok: false; error: CliError }

/** One object applied server-side: its operation line (and the object as the server answered), or kubectl's error. */
export function applyServerSide(engine: Engine, info: DocumentInfo, o: ServerSideOptions): ServerSideResult {
  const { ref, object, name, namespace } = info
  const metadata = (object.metadata ?? {}) as Record<string, unknown>
  if (!name && typeof metadata.generateName === 'string' && metadata.generateName) {
    return { ok: false, error: plain(`from ${metadata.generateName}: cannot use generate name with apply`) }
  }
  // resource.Helper.Patch builds the request with the name in the URL; client-go refuses an empty one.
  if (!name) return { ok: false, error: plain('resource name may not be empty') }
  let answer: KubeObject
  const options = {
    fieldManager: o.fieldManager,
    force: o.force,
    fieldValidation: o.fieldValidation,
    ...(o.dryRun === 'server' ? { dryRun: 'All' as const } : {}),
  }
  const target = { engine, resource: ref.resource, namespace: ref.namespaced ? namespace : undefined, name, body: object, options }
  try {
    answer = engine.apply(target.resource, target.namespace, name, object, options).object
  } catch (e) {
    const err = fromThrown(e)
    if (err.kind === 'status' && err.status.reason === 'Conflict') return { ok: false, error: plain(`${err.status.message}\n${CONFLICT_HINT}`) }
    return { ok: false, error: err }
  }
  const upgraded = upgradeAfterApply(target, answer)
  const suffix = o.dryRun === 'server' ? ' (server dry run)' : ''
  // WarnIfDeleting.
  const deleting = upgraded.object.metadata.deletionTimestamp ? `Warning: Detected changes to resource ${name} which is currently being deleted.\n` : ''
  const warning = upgraded.warnings + deleting
  return { ok: true, line: `${kindSlashName(ref, name)} serverside-applied${suffix}`, object: upgraded.object, ...(warning ? { warning } : {}) }
}
