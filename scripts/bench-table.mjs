// The table `npm run bench` prints: one row per figure, one column per case, the issue's target on the right
// (issue 12). Every figure of a case is printed as a number, or `n/a` with the reason below the table. What
// "peak", "at rest", "per pod" and "per change" mean: scripts/bench.mjs's header.

const KiB = 1024

const number = (n, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a'
const perPod = (r, value) => (r.created > 0 ? value / r.created : NaN)
const restBytes = (m) => (m?.failed ? NaN : m.heapUsed + m.external)

/** The figures, in order: label, the issue's target, and the cell of one case's result. */
export const FIGURES = [
  ['pods Running', 'all', (r) => `${number(r.running)} of ${number(r.pods)}`],
  ['timed wall time, s', '<= 60 at 150,000 pods', (r) => number(r.wallS, 1)],
  ['pods/s to Running', '>= 2,500 (at 5,000 nodes)', (r) => number(r.running / r.wallS)],
  ['history rows written', '', (r) => number(r.rows)],
  ['history rows/s', '>= 100,000', (r) => number(r.rows / r.wallS)],
  ['raw SQLite append, same rows/s', 'the physical limit', (r) => number(r.raw.rowsPerS)],
  ['Podlab rows/s of raw SQLite, %', '', (r) => number((r.rows / r.wallS / r.raw.rowsPerS) * 100, 1)],
  ['file per pod, KiB', '<= 3 KB', (r) => number(perPod(r, r.bytes) / KiB, 1)],
  ['file per change (history row), B', '', (r) => number(r.rows > 0 ? r.bytes / r.rows : NaN)],
  ['CLI start, ms', '<= 200 at any size', (r) => number(r.startMs)],
  ['get pods, ms', '<= 150 at 10,000 pods', (r) => number(r.getMs)],
  ['get pods -A, ms', '<= 1,500 at 150,000 pods', (r) => number(r.getAllMs)],
  ['peak RSS (empty cluster), MiB', '', (r) => `${number(r.peakKb / KiB)} (${number(r.emptyPeakKb / KiB)})`],
  ['peak memory per pod, KiB', '<= 2 KiB', (r) => number(perPod(r, r.peakKb - r.emptyPeakKb), 2)],
  ['at-rest memory per pod, KiB (RSS)', '<= 1 KiB', (r) => `${number(perPod(r, restBytes(r.rest) - restBytes(r.emptyRest)) / KiB, 2)} (${number(perPod(r, r.rest.rss - r.emptyRest.rss) / KiB, 2)})`],
]

/** The widths of the label and of each case's cell, in characters (scripts/bench.test.ts reads the cells by them). */
export const LABEL = 36
export const CELL = 22

/** The table's lines for the cases' figures (bench-workloads.mjs `workloadCase`), and what stopped or failed. */
export function tableLines(results, { budgetS, title }) {
  const row = (label, cells, target) => `${label.padEnd(LABEL)}${cells.map((c) => c.padStart(CELL)).join('')}   ${target}`
  const lines = [
    `${title}: ${results.length} case(s), budget ${budgetS} s each (wall time of the timed commands)`,
    row('', results.map((r) => `${number(r.nodes)} nodes`), 'target (issue 12)'),
    row('', results.map((r) => `${number(r.pods)} pods`), ''),
    ...FIGURES.map(([label, target, cell]) => row(label, results.map(cell), target)),
  ]
  for (const r of results) {
    const notes = [
      r.stopped && `stopped: ${r.stopped} (${number(r.running)} of ${number(r.pods)} Running after ${number(r.wallS)} s: ${number(r.running / r.wallS)} pods/s)`,
      r.rest.failed && `at rest: ${r.rest.failed}`,
      r.emptyRest.failed && `at rest (empty cluster): ${r.emptyRest.failed}`,
      Number.isNaN(r.getAllMs) && 'get pods -A: killed at the budget',
    ].filter(Boolean)
    for (const note of notes) lines.push(`${number(r.nodes)} nodes: ${note}`)
  }
  lines.push(
    `raw SQLite: the case's own history rows (${results.map((r) => `${number(r.raw.rows)} of ~${number(r.raw.bytesPerRow)} B`).join(', ')}) appended by better-sqlite3 alone in transactions of 1,000 to a fresh file with the same table and indexes`,
  )
  return lines
}

/** Prints tableLines on stdout. */
export function printTable(results, options) {
  for (const line of tableLines(results, options)) console.log(line)
}


