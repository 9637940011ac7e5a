// Loaded by the benchmarks into each measured `podlab` process (`node --import` this file): it reports the
// process's own figures to the file named by PODLAB_BENCH_REPORT, portably (no /usr/bin/time, whose output and
// kill behaviour differ between Linux and macOS).
//   at exit:  {"maxRssKb", "cpuS"} from process.resourceUsage() (maxRSS is in KiB; CPU is user + system, in s)
//   SIGUSR2:  {"rss", "heapUsed", "external"} in bytes from process.memoryUsage(), after two full collections
//             when node runs with --expose-gc: what a process holding the cluster open keeps (bench-rest.mjs)
import { writeFileSync } from 'node:fs'

const report = process.env.PODLAB_BENCH_REPORT
// Not inherited: a process this one starts would otherwise overwrite the report at its own exit.
delete process.env.PODLAB_BENCH_REPORT
if (report) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(report, JSON.stringify({ maxRssKb: usage.maxRSS, cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }))
  })
  process.on('SIGUSR2', () => {
    globalThis.gc?.()
    globalThis.gc?.()
    const { rss, heapUsed, external } = process.memoryUsage()
    writeFileSync(`${report}.rest`, JSON.stringify({ rss, heapUsed, external, collected: typeof globalThis.gc === 'function' }))
  })
}
