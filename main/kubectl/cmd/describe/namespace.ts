// describe.go NamespaceDescriber / describeNamespace (v0.32.5). Podlab serves no ResourceQuotas or LimitRanges:
// their LISTs are NotFound, so, as against an API server without them, neither section is printed.

import type { KubeObject } from '../../../kube'
import type { DescribeContext } from './describer'
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format'
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer'

interface Namespace extends KubeObject {
  status?: { phase?: string; conditions?: Array<{ type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }> }
}

export function describeNamespaceByName(ctx: DescribeContext, _namespace: string, name: string): string {
  const ns = ctx.engine.get('namespaces', undefined, name) as Namespace
  return describeNamespace(ns)
}

export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`)
    printLabelsMultiline(w, 'Labels', ns.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    if ((ns.status?.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
      for (const c of ns.status!.conditions!) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
  })
}
