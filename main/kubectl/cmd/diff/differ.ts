// kubectl diff's two versions of each object (k8s.io/kubectl pkg/cmd/diff/diff.go, v0.32.5): the file name
// (`apps.v1.Deployment.default.web`), the Printer's YAML (sigs.k8s.io/yaml: sorted keys), managedFields dropped
// unless --show-managed-fields, and a v1 Secret's data masked by the Masker so that values never reach the screen:
// `***` everywhere, `*** (before)` / `*** (after)` where a key's value changed.

import type { KubeObject } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import { toYaml } from '../../../gostd/yaml'

const MASK = '***'
const MASK_BEFORE = '*** (before)'
const MASK_AFTER = '*** (after)'

/** InfoObject.Name: `[group.]version.Kind.namespace.name` (namespace '' for a cluster-scoped object). */
export function diffFileName(ref: Pick<ResourceRef, 'group' | 'version' | 'kind'>, namespace: string, name: string): string {
  return `${ref.group ? `${ref.group}.` : ''}${ref.version}.${ref.kind}.${namespace}.${name}`
}

/**
 * Differ.Diff for one object: the LIVE and MERGED files' texts ('' for an object that is absent, as Printer.Print
 * writes nothing for nil).
 */
export function diffVersions(live: KubeObject | undefined, merged: KubeObject | undefined, showManagedFields: boolean): { live: string; merged: string } {
  let [from, to] = [live && structuredClone(live), merged && structuredClone(merged)]
  if (to && to.apiVersion === 'v1' && to.kind === 'Secret') [from, to] = mask(from, to)
  if (!showManagedFields) for (const o of [from, to]) if (o) delete (o.metadata as { managedFields?: unknown }).managedFields
  return { live: from ? toYaml(from) : '', merged: to ? toYaml(to) : '' }
}

type Data = Record<string, unknown>

/** Masker.run over `data`: equal values masked alike, changed ones marked before and after. */
function mask(from: KubeObject | undefined, to: KubeObject): [KubeObject | undefined, KubeObject] {
  const before = (from as { data?: Data } | undefined)?.data
  const after = (to as { data?: Data }).data
  const f: Data | undefined = before && { ...before }
  const t: Data | undefined = after && { ...after }
  for (const k of Object.keys(f ?? {})) {
    if (t && k in t) {
      if (f![k] !== t[k]) {
        f![k] = MASK_BEFORE
        t[k] = MASK_AFTER
        continue
      }
      t[k] = MASK
    }
    f![k] = MASK
  }
  for (const k of Object.keys(t ?? {})) if (!f || !(k in f)) t![k] = MASK
  return [from && f ? ({ ...from, data: f } as KubeObject) : from, t ? ({ ...to, data: t } as KubeObject) : to]
}
