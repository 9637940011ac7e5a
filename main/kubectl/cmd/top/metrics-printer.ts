// kubectl's TopCmdPrinter, after kubectl pkg/metricsutil/metrics_printer.go and metrics_sorter.go (v0.32.5): the
// columns NAME CPU(cores) MEMORY(bytes) (nodes: with CPU(%) and MEMORY(%) of what is allocatable), CPU in
// millicores rounded up (Quantity.MilliValue), memory in whole MiB (Value() / 2^20, truncated). Every cell is
// tab-terminated, so the last column is padded too (the real `kubectl top` lines end in spaces).

import { goSort } from '../../../gostd/sort'
import { parseQuantityExact } from '../../../gostd/quantity-canonical'
import { Tabwriter } from '../../../gostd/tabwriter'

export interface Usage {
  cpu?: string
  memory?: string
}

export interface ContainerMetrics {
  name: string
  usage: Usage
}

export interface PodMetrics {
  metadata: { name?: string; namespace?: string }
  containers: ContainerMetrics[]
}

export interface NodeMetrics {
  metadata: { name?: string }
  usage: Usage
}

/** A quantity scaled to 10^-scale units and rounded up, as Quantity.ScaledValue (MilliValue: scale 3). */
function scaledValue(q: string | undefined, scale: number): bigint {
  if (q === undefined) return 0n
  const parsed = parseQuantityExact(q)
  if (!parsed.ok) return 0n
  const { unscaled, exponent } = parsed.quantity
  const shift = exponent + scale
  if (shift >= 0) return unscaled * 10n ** BigInt(shift)
  const d = 10n ** BigInt(-shift)
  const quotient = unscaled / d
  return unscaled % d > 0n ? quotient + 1n : quotient
}

export const milliValue = (q: string | undefined): bigint => scaledValue(q, 3)
export const value = (q: string | undefined): bigint => scaledValue(q, 0)

/** A pod's usage: the sum of its containers' (getPodMetrics). */
function podUsage(m: PodMetrics): { cpuMilli: bigint; memory: bigint } {
  let cpuMilli = 0n
  let memory = 0n
  for (const c of m.containers) {
    cpuMilli += milliValue(c.usage.cpu)
    memory += value(c.usage.memory)
  }
  return { cpuMilli, memory }
}

const usageCells = (cpuMilli: bigint, memory: bigint): string => `${cpuMilli}m\t${memory / 1048576n}Mi\t`

/**
 * sort.Sort over a copy (metrics_sorter.go's sorters): not stable, so equal rows (idle pods' 0Mi) come out in Go's
 * pdqsort order, which past 12 rows is not the server's.
 */
function sorted<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  return goSort([...items], less)
}

/** PrintPodMetrics: nothing for no metrics; `--sum` adds a line of ________ and the totals. */
export function printPodMetrics(metrics: PodMetrics[], o: { containers: boolean; withNamespace: boolean; noHeaders: boolean; sortBy: string; sum: boolean }): string {
  if (metrics.length === 0) return ''
  const w = new Tabwriter()
  let columns = 3
  if (!o.noHeaders) {
    if (o.withNamespace) {
      w.write('NAMESPACE\t')
      columns++
    }
    if (o.containers) {
      w.write('POD\t')
      columns++
    }
    w.write('NAME\tCPU(cores)\tMEMORY(bytes)\t\n')
  }
  const withUsage = metrics.map((m) => ({ m, usage: podUsage(m) }))
  const rows = sorted(withUsage, (a, b) => {
    if (o.sortBy === 'cpu') return a.usage.cpuMilli > b.usage.cpuMilli
    if (o.sortBy === 'memory') return a.usage.memory > b.usage.memory
    if (o.withNamespace && a.m.metadata.namespace !== b.m.metadata.namespace) return (a.m.metadata.namespace ?? '') < (b.m.metadata.namespace ?? '')
    return (a.m.metadata.name ?? '') < (b.m.metadata.name ?? '')
  })
  for (const { m, usage } of rows) {
    const ns = o.withNamespace ? `${m.metadata.namespace ?? ''}\t` : ''
    if (!o.containers) {
      w.write(`${ns}${m.metadata.name ?? ''}\t${usageCells(usage.cpuMilli, usage.memory)}\n`)
      continue
    }
    const containers = sorted(m.containers, (a, b) => {
      if (o.sortBy === 'cpu') return milliValue(a.usage.cpu) > milliValue(b.usage.cpu)
      if (o.sortBy === 'memory') return value(a.usage.memory) > value(b.usage.memory)
      return a.name < b.name
    })
    for (const c of containers) w.write(`${ns}${m.metadata.name ?? ''}\t${c.name}\t${usageCells(milliValue(c.usage.cpu), value(c.usage.memory))}\n`)
  }
  if (o.sum) {
    const total = withUsage.reduce((t, { usage }) => ({ cpuMilli: t.cpuMilli + usage.cpuMilli, memory: t.memory + usage.memory }), { cpuMilli: 0n, memory: 0n })
    w.write(`${'\t'.repeat(columns - 2)}________\t________\t\n`)
    w.write(`${'\t'.repeat(columns - 3)}\t${usageCells(total.cpuMilli, total.memory)}\n`)
  }
  return w.flush()
}

/**
 * PrintNodeMetrics: each node's usage and its share of `available` (allocatable, or capacity with
 * --show-capacity) as whole percents; nodes without metrics last, `<unknown>` in every column.
 */
export function printNodeMetrics(metrics: NodeMetrics[], available: Map<string, Usage>, o: { noHeaders: boolean; sortBy: string }): string {
  if (metrics.length === 0) return ''
  const w = new Tabwriter()
  if (!o.noHeaders) w.write('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n')
  const rows = sorted(metrics, (a, b) => {
    if (o.sortBy === 'cpu') return milliValue(a.usage.cpu) > milliValue(b.usage.cpu)
    if (o.sortBy === 'memory') return value(a.usage.memory) > value(b.usage.memory)
    return (a.metadata.name ?? '') < (b.metadata.name ?? '')
  })
  const missing = new Map(available)
  for (const m of rows) {
    const name = m.metadata.name ?? ''
    const cpu = milliValue(m.usage.cpu)
    const memory = value(m.usage.memory)
    const of = available.get(name)
    // int64(float64(used milli) / float64(available milli) * 100), truncated toward zero.
    const percent = (used: bigint, total: string | undefined) => (of && total !== undefined ? `${Math.trunc((Number(used) / Number(milliValue(total))) * 100)}%\t` : '')
    w.write(`${name}\t${cpu}m\t${percent(cpu, of?.cpu)}${memory / 1048576n}Mi\t${percent(memory * 1000n, of?.memory)}\n`)
    missing.delete(name)
  }
  for (const name of missing.keys()) w.write(`${name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`)
  return w.flush()
}
