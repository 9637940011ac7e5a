// `kubectl wait`, after kubectl pkg/cmd/wait/wait.go (v0.32.5): ToOptions (--for, --timeout, the resource
// builder: TYPE NAME, TYPE/NAME, -f, -l, --all, -A) -> RunWait: each object in turn until its condition is met
// (`pod/x condition met`), the first one that is not ending the run (`error: timed out waiting for the condition
// on pods/x`); one deadline, --timeout after the start, for them all (30 s by default; 0 looks once; negative is
// a week).
//
// Podlab's clock moves only when a door moves it: on the manual clock (the `podlab` CLI) the wait runs it forward
// in 1 s steps until every object is done or the deadline (as `delete --wait` does, ../../wait/wait.ts); on a
// running clock (the app, `serve`) what is met now is printed, and a Follow prints the rest as the clock runs.

import type { KubeObject } from '../../../kube'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { checkErrText, fromThrown } from '../../errors'
import { fail, ok, type Follow, type KubectlIO, type KubectlResult } from '../../io'
import { kindSlashName } from '../../mapping'
import { buildVisits, list, type Visit } from '../../resource/builder'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { isMet, parseFor, type WaitFor } from './conditions'
import { durationFlag } from '../../../gostd/parse-duration'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true },
  { long: 'field-selector', type: 'string', notYet: true },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'for', type: 'string' },
  { long: 'local', type: 'bool', notYet: true },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool', defValue: true },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
  { long: 'timeout', type: 'string', defValue: '30s' },
]

/** wait.go: "negative means wait for a week", in ms. */
const WEEK_MS = 168 * 3600 * 1000
/** How far one look runs the manual clock forward, in ms. */
const STEP_MS = 1000

export const waitCommand: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  group: 'Advanced Commands:',
  flags: FLAGS,
  help: HELP,
  run: runWait,
}

/** One object waited on: its printed name and where to look it up. */
interface Target {
  visit: Extract<Visit, { kind: 'named' }>
  uid: string | undefined
}

function runWait(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  const output = (flags.output as string | undefined) ?? ''
  if (output !== '' && output !== 'name') return fail(notYetError(`--output=${output}`))
  // pflag's DurationVar.
  const timeoutText = (flags.timeout as string | undefined) ?? '30s'
  const timeout = durationFlag(timeoutText, '--timeout')
  if ('error' in timeout) return fail(`error: ${timeout.error}\nSee 'kubectl wait --help' for usage.\n`)
  const parsed = parseFor((flags.for as string | undefined) ?? '')
  if ('notYet' in parsed) return fail(notYetError(parsed.notYet))
  if ('error' in parsed) return fail(`error: ${parsed.error}\n`)
  const timeoutMs = timeout.ns < 0n ? WEEK_MS : Number(timeout.ns) / 1e6

  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: flags['all-namespaces'] === true,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selector: flags.selector as string | undefined,
    selectAll: flags.all === true,
    allowEmptySelector: false,
    args,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))

  const run = new WaitRun(io, parsed.for, timeoutMs)
  const found = run.find(built.visits)
  if ('error' in found) return fail(found.error)
  if (found.targets.length === 0 && parsed.for.kind !== 'delete') return fail('error: no matching resources found\n')
  run.targets = found.targets

  if (io.engine.clock().mode === 'manual' || timeoutMs === 0) {
    const result = run.untilDone(true)
    return result.error === undefined ? ok(result.stdout) : fail(result.error, result.stdout)
  }
  const first = run.untilDone(false)
  if (first.error !== undefined) return fail(first.error, first.stdout)
  if (run.done()) return ok(first.stdout)
  return { ...ok(first.stdout), follow: run.follow() }
}

class WaitRun {
  targets: Target[] = []
  private next = 0
  private readonly deadlineMs: number

  constructor(
    private readonly io: KubectlIO,
    private readonly check: WaitFor,
    private readonly timeoutMs: number,
  ) {
    this.deadlineMs = io.engine.clock().nowMs + timeoutMs
  }

  /** The builder's visit with Latest(): each named object got, each list's items; NotFound is ignored for delete. */
  find(visits: Visit[]): { targets: Target[] } | { error: string } {
    const targets: Target[] = []
    const add = (visit: Extract<Visit, { kind: 'named' }>, object: KubeObject) =>
      targets.push({ visit: { ...visit, namespace: visit.ref.namespaced ? object.metadata.namespace : undefined }, uid: object.metadata.uid })
    try {
      for (const visit of visits) {
        if (visit.kind === 'list') {
          for (const object of list(this.io, visit)) add({ kind: 'named', ref: visit.ref, namespace: object.metadata.namespace, name: object.metadata.name ?? '' }, object)
          continue
        }
        const object = this.get(visit)
        if (object) add(visit, object)
        else if (this.check.kind !== 'delete') return { error: checkErrText(fromThrown(this.lastError)) }
      }
    } catch (e) {
      return { error: checkErrText(fromThrown(e)) }
    }
    return { targets }
  }

  done(): boolean {
    return this.next >= this.targets.length
  }

  /**
   * Checks the objects in order from the first not yet met, printing each met one. With `runClock` (the manual
   * clock) it advances the clock between looks until the deadline; otherwise it looks once at the clock's now.
   * An error (a timeout) ends the run.
   */
  untilDone(runClock: boolean): { stdout: string; error?: string } {
    let stdout = ''
    for (;;) {
      const step = this.look()
      stdout += step.stdout
      if (step.error !== undefined) return { stdout, error: step.error }
      if (this.done()) return { stdout }
      const now = this.io.engine.clock().nowMs
      if (this.timeoutMs === 0) return { stdout, error: `error: condition not met for ${this.objectName(this.targets[this.next]!)}\n` }
      if (now >= this.deadlineMs) return { stdout, error: this.timedOut() }
      if (!runClock) return { stdout }
      this.io.engine.advance(Math.min(STEP_MS, this.deadlineMs - now))
    }
  }

  /** Waits on a running clock: a look at each clock change, until all are met or the deadline passes. */
  follow(): Follow {
    return {
      start: (write, end) => {
        let stopped = false
        const stop = this.io.engine.onClock(() => {
          if (stopped) return
          const step = this.untilDone(false)
          if (step.stdout) write('stdout', step.stdout)
          if (step.error !== undefined || this.done()) {
            stopped = true
            if (step.error !== undefined) write('stderr', step.error)
            queueMicrotask(() => stop())
            end(step.error !== undefined ? 1 : 0)
          }
        })
        return () => {
          stopped = true
          stop()
        }
      },
    }
  }

  /** The met objects from `next` on, printed; an error text for a jsonpath that cannot be compared. */
  private look(): { stdout: string; error?: string } {
    let stdout = ''
    while (!this.done()) {
      const target = this.targets[this.next]!
      const met = this.metNow(target)
      if (typeof met === 'object') return { stdout, error: `error: ${met.error}\n` }
      if (met === 'gone') return { stdout, error: checkErrText(fromThrown(this.lastError)) }
      if (!met) break
      stdout += `${kindSlashName(target.visit.ref, target.visit.name)} condition met\n`
      this.next++
    }
    return { stdout }
  }

  private lastError: unknown

  private metNow(target: Target): boolean | 'gone' | { error: string } {
    const object = this.get(target.visit)
    if (this.check.kind === 'delete') return !object || object.metadata.uid !== target.uid
    // The object went away while waited on: the precondition's NotFound.
    if (!object) return 'gone'
    return isMet(object, this.check)
  }

  private get(visit: Extract<Visit, { kind: 'named' }>): KubeObject | undefined {
    try {
      return this.io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group)
    } catch (e) {
      this.lastError = e
      return undefined
    }
  }

  /** extendErrWaitTimeout: `timed out waiting for the condition on <resource>/<name>` (the plural alone, no group). */
  private timedOut(): string {
    const { ref, name } = this.targets[this.next]!.visit
    return `error: timed out waiting for the condition on ${ref.resource}/${name}\n`
  }

  /** info.ObjectName(): `pods/x` (the resource, with its group when it has one). */
  private objectName(target: Target): string {
    const { ref, name } = target.visit
    return `${ref.group ? `${ref.resource}.${ref.group}` : ref.resource}/${name}`
  }
}
