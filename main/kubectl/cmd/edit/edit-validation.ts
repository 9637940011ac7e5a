// kubectl edit's check of the saved file before anything is sent (factory Validator -> validation
// paramVerifyingSchema.ValidateBytes, kubectl pkg/validation/schema.go v0.32.5): the file must parse and name an
// apiVersion and a kind; a List's items each too. The schema check that may follow needs the OpenAPI schema, which
// a real 1.32 API server makes unnecessary (it validates fields itself: fieldValidation=Strict), so it is not done.

import { decodeManifest } from '../../manifests'
import { objectKind } from '../../mapping'

/**
 * ValidateBytes of `data` (the file with its comments stripped): undefined when it passes, else the error's text
 * (`invalid object to validate`, `kind not set`, `[apiVersion not set, kind not set]`, a YAML error).
 */
export function validateBytes(data: string): string | undefined {
  let obj: unknown
  if (/^\s*\{/.test(data)) {
    try {
      obj = JSON.parse(data)
    } catch (e) {
      return e instanceof Error ? e.message : String(e)
    }
  } else {
    const decoded = decodeManifest(data, '')
    if (decoded.error !== undefined) return decoded.error.replace(/^error parsing : error converting YAML to JSON: /, '')
    obj = decoded.documents[0] ?? null
  }
  const kind = objectKind(obj)
  if ('errors' in kind) return aggregate(kind.errors)
  if (kind.gvk.version === 'v1' && kind.gvk.group === '' && kind.gvk.kind === 'List') {
    const items = (obj as { items?: unknown }).items
    if (!Array.isArray(items)) return 'invalid object to validate'
    const errors = items.flatMap((item) => {
      const k = objectKind(item)
      return 'errors' in k ? k.errors : []
    })
    if (errors.length > 0) return aggregate(errors)
  }
  return undefined
}

/** utilerrors.NewAggregate(errs).Error(): one error as it is, several bracketed. */
function aggregate(errors: string[]): string {
  return errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`
}
