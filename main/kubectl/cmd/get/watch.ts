// `kubectl get -w` / `--watch-only`, after get.go (v0.32.5) watch(): one resource type; the current objects first
// (a list's items, or the one named object), unless --watch-only, then each later change of a matching object
// as one more row, through ONE tabwriter that remembers its column widths across flushes (so the rows stay
// aligned once a wider STATUS was seen) and one HumanReadablePrinter, which prints the headers only when the
// columns change: a watch that began on an empty list prints its rows without a header, as the real one does.
// YAML documents after the first are preceded by `---` (YAMLPrinter's count); JSON objects follow each other.

import type { KubeObject, Table, WatchEvent } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import { parseSelector } from '../../../engine'
import { KUBECTL_TABWRITER, Tabwriter } from '../../../gostd/tabwriter'
import type { Follow, KubectlIO } from '../../io'
import { nameLines, serialize, type OutputFormat } from '../../printers/print-flags'
import { printTable } from '../../printers/table-text'
import type { Visit } from '../../resource/builder'

/** builder.go resourceMappings with SingleResourceType: -w takes one resource type. */
export const SINGLE_RESOURCE_TYPE = 'you may only specify a single resource type'

export interface WatchOptions {
  format: OutputFormat
  noHeaders: boolean
  allNamespaces: boolean
  /** --watch-only: the current objects are not printed. */
  watchOnly: boolean
}

/** A printer that lives for the whole watch, as get.go's one printer and one writer. */
class WatchPrinter {
  private readonly w = new Tabwriter(KUBECTL_TABWRITER)
  private lastColumns = ''
  private yamlCount = 0

  constructor(
    private readonly io: KubectlIO,
    private readonly ref: ResourceRef,
    private readonly o: WatchOptions,
  ) {}

  /** The text of `objects` as one PrintObj call each (human output: one Table, `table` when given), flushed. */
  print(objects: KubeObject[], table?: Table): string {
    if (this.o.format === 'name') return nameLines(objects.map((object) => ({ ref: this.ref, object })))
    if (this.o.format === 'json' || this.o.format === 'yaml') {
      let out = ''
      for (const object of objects) {
        if (this.o.format === 'yaml' && ++this.yamlCount > 1) out += '---\n'
        out += serialize(this.o.format, object)
      }
      return out
    }
    const shown = table ?? this.io.engine.tableOf(this.ref.resource, objects)
    // HumanReadablePrinter: no headers when the columns are those printed last.
    const columns = JSON.stringify(shown.columnDefinitions)
    const sameColumns = columns === this.lastColumns
    this.lastColumns = columns
    printTable(shown, this.w, {
      wide: this.o.format === 'wide',
      noHeaders: this.o.noHeaders || sameColumns,
      withNamespace: this.o.allNamespaces && this.ref.namespaced,
    })
    return this.w.flush()
  }
}

/**
 * The first output of `get -w` for `visit` (already fetched: `objects`, and for human output `table`), and the
 * Follow that prints each later change of a matching object. `resourceVersion` is where the watch starts (the
 * list's). Throws what the engine's watch throws.
 */
export function startWatch(
  io: KubectlIO,
  visit: Visit,
  fetched: { objects: KubeObject[]; table?: Table },
  resourceVersion: string,
  o: WatchOptions,
): { stdout: string; follow: Follow } {
  const printer = new WatchPrinter(io, visit.ref, o)
  const stdout = o.watchOnly ? '' : printer.print(fetched.objects, fetched.table)
  const matches = matcher(visit)
  const follow: Follow = {
    start(write) {
      return io.engine.watch(resourceVersion, (event: WatchEvent) => {
        if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') return
        if (!matches(event.object)) return
        const text = printer.print([event.object])
        if (text) write('stdout', text)
      })
    },
  }
  return { stdout, follow }
}

/** Whether a watched object is one the visit asked for: its type, namespace, name or label selector. */
function matcher(visit: Visit): (object: KubeObject) => boolean {
  const { ref } = visit
  const selector = visit.kind === 'list' ? parseSelector(visit.selector) : undefined
  return (object) => {
    const [group, version] = (object.apiVersion ?? '').includes('/') ? object.apiVersion!.split('/') : ['', object.apiVersion]
    if (object.kind !== ref.kind || group !== ref.group || version !== ref.version) return false
    if (ref.namespaced && visit.namespace !== undefined && object.metadata.namespace !== visit.namespace) return false
    if (visit.kind === 'named') return object.metadata.name === visit.name
    return selector!.matches(object.metadata.labels)
  }
}
