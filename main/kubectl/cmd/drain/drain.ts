// `kubectl drain NODE | -l SELECTOR [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period=N]
// [--timeout=D] [--disable-eviction] [--pod-selector=SEL] [--dry-run=client|server]`, after kubectl pkg/cmd/drain/drain.go
// (v0.32.5): Complete (nodes.ts) -> RunDrain: cordon, then each node's pods evicted (drain-run.ts). kubectl
// waits until the evicted pods are gone. On the manual clock Podlab runs the clock forward in 1 s steps while it
// waits, as delete --wait does (wait/wait.ts), for at most --timeout or, without one, the pods' largest grace
// period + 30 s; what is still waited for after that, and every wait on a running clock, goes on as a Follow
// that looks again at each tick of the clock and ends with the drain's exit code.

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { durationFlag } from '../../../gostd/parse-duration'
import { parseSelector } from '../../../engine'
import { type Follow, type KubectlIO, type KubectlResult } from '../../io'
import { WAIT_SLACK_SECONDS } from '../../wait/wait'
import type { Command } from '../command'
import { DrainRun } from './drain-run'
import { HELP } from './help'
import { completeNodes, cordonOrUncordon } from './nodes'

const FLAGS: FlagSpec[] = [
  { long: 'chunk-size', type: 'int', defValue: 500 },
  { long: 'delete-emptydir-data', type: 'bool' },
  { long: 'disable-eviction', type: 'bool' },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'force', type: 'bool' },
  { long: 'grace-period', type: 'int', defValue: -1 },
  { long: 'ignore-daemonsets', type: 'bool' },
  { long: 'pod-selector', type: 'string' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'skip-wait-for-delete-timeout', type: 'int' },
  { long: 'timeout', type: 'string', defValue: '0s' },
]

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  group: 'Cluster Management Commands:',
  flags: FLAGS,
  help: HELP,
  run: runDrain,
}

function runDrain(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const timeout = durationFlag((flags.timeout as string | undefined) ?? '0s', '--timeout')
  if ('error' in timeout) return { stdout: '', stderr: `error: ${timeout.error}\nSee 'kubectl drain --help' for usage.\n`, exitCode: 1 }
  const targets = completeNodes(io, 'drain', args, flags)
  if ('error' in targets) return { stdout: '', stderr: targets.error, exitCode: 1 }
  const podSelector = (flags['pod-selector'] as string | undefined) ?? ''
  if (podSelector !== '') {
    try {
      parseSelector(podSelector)
    } catch {
      return { stdout: '', stderr: `${targets.warnings}error: --pod-selector=<pod_selector> must be a valid label selector\n`, exitCode: 1 }
    }
  }
  let stdout = ''
  let stderr = targets.warnings
  const cordoned = cordonOrUncordon(io, targets, true)
  stdout += cordoned.stdout
  stderr += cordoned.stderr

  const drain = new DrainRun(io, targets.nodes, {
    force: flags.force === true,
    ignoreAllDaemonSets: flags['ignore-daemonsets'] === true,
    deleteEmptyDirData: flags['delete-emptydir-data'] === true,
    skipWaitForDeleteTimeoutSeconds: (flags['skip-wait-for-delete-timeout'] as number | undefined) ?? 0,
    gracePeriodSeconds: (flags['grace-period'] as number | undefined) ?? -1,
    timeoutMs: Number(timeout.ns / 1_000_000n),
    disableEviction: flags['disable-eviction'] === true,
    podSelector,
    dryRun: targets.dryRun,
  })
  const out = (stream: 'stdout' | 'stderr', text: string) => {
    if (stream === 'stdout') stdout += text
    else stderr += text
  }
  if (drainOnManualClock(io, drain, out)) return { stdout, stderr, exitCode: drain.exitCode! }
  return { stdout, stderr, exitCode: 0, follow: followDrain(io, drain) }
}

/** Steps the drain, running the manual clock 1 s at a time while it waits (see the file comment); true when done. */
function drainOnManualClock(io: KubectlIO, drain: DrainRun, out: (stream: 'stdout' | 'stderr', text: string) => void): boolean {
  if (io.engine.clock().mode !== 'manual') return drain.step(out)
  let waitingOn: object | undefined
  let waited = 0
  for (;;) {
    if (drain.step(out)) return true
    // Each node's wait has its own limit.
    if (drain.waitingOn !== waitingOn) {
      waitingOn = drain.waitingOn
      waited = 0
    }
    if (waited >= drain.waitingGraceMs + WAIT_SLACK_SECONDS * 1000) return false
    io.engine.advance(1000)
    waited += 1000
  }
}

/** The rest of a drain as the clock runs: a look at each clock change, the end with the drain's exit code. */
function followDrain(io: KubectlIO, drain: DrainRun): Follow {
  return {
    start(write, end) {
      let stopped = false
      let unsubscribe: () => void = () => {}
      const look = () => {
        if (stopped) return
        if (drain.step(write)) {
          stopped = true
          unsubscribe()
          end(drain.exitCode ?? 0)
        }
      }
      unsubscribe = io.engine.onClock(look)
      look()
      return () => {
        stopped = true
        unsubscribe()
      }
    },
  }
}
