// Cells every workload's Table shares (kubernetes v1.32 pkg/printers/internalversion/printers.go
// layoutContainerCells, and metav1.FormatLabelSelector from apimachinery pkg/apis/meta/v1/helpers.go).

import type { LabelSelector } from '../labels'
import { selectorFromLabelSelector } from '../labels'

/** layoutContainerCells: the containers' names and images, each joined with commas. */
export function layoutContainerCells(containers: ReadonlyArray<{ name: string; image?: string }>): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')]
}

/** FormatLabelSelector: the selector as `-l` text, `<none>` when it selects everything, `<error>` when it is invalid. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  try {
    return selectorFromLabelSelector(selector).toString() || '<none>'
  } catch {
    return '<error>'
  }
}
