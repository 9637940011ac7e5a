// `kubectl run -i/-t/--attach [--rm]` once the pod is created, after kubectl pkg/cmd/run/run.go (v0.32.5) Run and
// handleAttachPod, as a Follow on the cluster's clock:
//   1. waitForPod(podRunningAndReady) up to --pod-running-timeout: a pod that ran to completion first has its log
//      printed instead (logOpts);
//   2. attach (cmd/attach/session.ts): the prompt hint, then the container's output and the user's input until its
//      main process ends; an attach the server refuses falls back to the log with kubectl's warning;
//   3. for --restart=Never (podCompleted) or OnFailure (podSucceeded), unless --leave-stdin-open: wait again, up
//      to the timeout, and exit with the container's code (`pod default/x terminated (Error)`);
//   4. with --rm, the deferred removal first: `pod "x" deleted` (no wait for it), then the error if any.
// Engine writes never happen inside the attach's own callbacks (they run inside the engine's transaction): the
// next watch event or clock tick goes on from there.

import type { WatchEvent } from '../../../kube'
import { isApiError } from '../../../engine'
import type { Follow, Interactive, KubectlIO } from '../../io'
import { attachErrorText, openAttach, planAttach, reattachMessage, type AttachFlags, type AttachHandle, type AttachPod } from '../attach/session'
import { defaultContainer } from '../exec/podcmd'
import { exitOf, podCompleted, podRunningAndReady, podSucceeded, type RunPod, type Verdict } from './pod-conditions'

export interface AttachedRunOptions {
  pod: AttachPod & RunPod
  attach: AttachFlags
  remove: boolean
  /** The waits' timeout (--pod-running-timeout), virtual ms. */
  timeoutMs: number
  /** !--leave-stdin-open and restartPolicy Never or OnFailure: wait for the pod's end and exit with its code. */
  waitForExitCode: boolean
  restartPolicy: string
}

type Write = (stream: 'stdout' | 'stderr', text: string) => void
type Phase = 'starting' | 'attached' | 'after-attach' | 'exiting' | 'over'

/** `pods "" not found`: the NotFound the conditions return when the pod is deleted while kubectl waits. */
const DELETED_WHILE_WAITING = 'Error from server (NotFound): pods "" not found\n'
/** wait.ErrWaitTimeout, as UntilWithSync returns it when --pod-running-timeout passes. */
const TIMED_OUT = 'error: timed out waiting for the condition\n'

/** The follow of an attached `kubectl run`; Interactive when stdin comes from a terminal. */
export function attachedRun(io: KubectlIO, o: AttachedRunOptions): Follow {
  const run = new AttachedRun(io, o)
  const follow: Follow = { start: (write, end) => run.start(write, end) }
  if (!(o.attach.stdin && io.terminal)) return follow
  const typed: Interactive = { ...follow, input: (text) => run.input(text) }
  return typed
}

class AttachedRun {
  private phase: Phase = 'starting'
  private write: Write = () => undefined
  private end: (code: number) => void = () => undefined
  private deadline = 0
  private handle: AttachHandle | undefined
  private typedAhead: Array<string | 'eof'> = []
  private stops: Array<() => void> = []
  private readonly name: string
  private readonly namespace: string

  constructor(
    private readonly io: KubectlIO,
    private readonly o: AttachedRunOptions,
  ) {
    this.name = o.pod.metadata.name ?? ''
    this.namespace = o.pod.metadata.namespace ?? 'default'
  }

  start(write: Write, end: (code: number) => void): () => void {
    this.write = (stream, text) => {
      if (text !== '') write(stream, text)
    }
    this.end = end
    const engine = this.io.engine
    this.deadline = this.deadlineFrom(engine.clock().nowMs)
    this.stops.push(engine.onClock((clock) => this.tick(clock.nowMs)))
    // UntilWithSync lists, then watches: every change of the pod since it was created.
    this.stops.push(
      engine.watch(this.o.pod.metadata.resourceVersion as string | undefined, (event) => {
        const object = event.object
        if (object.kind !== 'Pod' || object.metadata.name !== this.name || object.metadata.namespace !== this.namespace) return
        this.heard(event.type, object as unknown as AttachPod & RunPod)
      }),
    )
    return () => this.stop()
  }

  /** What the user typed: to the container once attached, kept until then (the terminal buffers it). */
  input(text: string | 'eof'): void {
    if (this.phase === 'over') return
    if (this.handle && this.phase === 'attached') this.handle.input(text)
    else if (!this.handle) this.typedAhead.push(text)
  }

  private heard(type: WatchEvent['type'], pod: AttachPod & RunPod): void {
    if (this.phase === 'starting') return this.verdictBeforeAttach(podRunningAndReady(type, pod), pod)
    if (this.phase === 'after-attach') this.afterAttach()
    if (this.phase === 'exiting') this.verdictOnExit(this.exitCondition(type, pod), pod)
  }

  /** A timeout of 0 waits forever. */
  private deadlineFrom(nowMs: number): number {
    return this.o.timeoutMs > 0 ? nowMs + this.o.timeoutMs : Infinity
  }

  private tick(nowMs: number): void {
    if (this.phase === 'after-attach') this.afterAttach()
    if ((this.phase === 'starting' || this.phase === 'exiting') && nowMs >= this.deadline) this.finish(TIMED_OUT, 1)
  }

  private verdictBeforeAttach(verdict: Verdict, pod: AttachPod & RunPod): void {
    if (verdict === 'wait') return
    // Podlab hands a watcher its events after the step that made them: a pod Running at the event may be done by
    // now (`sh -c 'echo bye'`), where kubectl on a live cluster would most often have seen it done first.
    if (verdict === 'met') {
      const now = this.current()
      if (!now) return this.finish(DELETED_WHILE_WAITING, 1)
      verdict = podRunningAndReady('MODIFIED', now)
      pod = now
    }
    if (verdict === 'deleted') return this.finish(DELETED_WHILE_WAITING, 1)
    if (verdict === 'completed') {
      // handleAttachPod: a pod already done has its log printed (logOpts), then run goes on as after an attach.
      this.write('stdout', this.log(pod))
      this.phase = 'after-attach'
      return this.afterAttach()
    }
    this.attach(pod)
  }

  private attach(pod: AttachPod & RunPod): void {
    const plan = planAttach(this.io, pod, this.o.attach)
    if ('error' in plan) {
      this.write('stderr', plan.stderr)
      return this.finish(plan.error, 1)
    }
    this.write('stderr', plan.stderr)
    this.phase = 'attached'
    try {
      this.handle = openAttach(this.io, plan, (s, text) => this.write(s, text), () => {
        if (this.phase !== 'attached') return
        this.write('stdout', reattachMessage(plan, this.o.attach))
        this.phase = 'after-attach'
      })
    } catch (e) {
      const reason = attachErrorText(e).replace(/^error: /, '').replace(/\n$/, '')
      this.write('stderr', `warning: couldn't attach to pod/${this.name}, falling back to streaming logs: ${reason}\n`)
      this.write('stdout', this.log(pod))
      this.phase = 'after-attach'
      return this.afterAttach()
    }
    for (const text of this.typedAhead.splice(0)) this.handle.input(text)
  }

  /** After the attach: done, or wait for the exit code (UntilWithSync lists first: the pod as it is now). */
  private afterAttach(): void {
    if (!this.o.waitForExitCode) return this.finish('', 0)
    this.phase = 'exiting'
    this.deadline = this.deadlineFrom(this.io.engine.clock().nowMs)
    const pod = this.current()
    if (!pod) return this.finish(DELETED_WHILE_WAITING, 1)
    this.verdictOnExit(this.exitCondition('MODIFIED', pod), pod)
  }

  /** The pod as it is now, or undefined once it is gone. */
  private current(): (AttachPod & RunPod) | undefined {
    try {
      return this.io.engine.get('pods', this.namespace, this.name) as unknown as AttachPod & RunPod
    } catch (e) {
      if (isApiError(e) && e.reason === 'NotFound') return undefined
      throw e
    }
  }

  private exitCondition(type: WatchEvent['type'], pod: RunPod): Verdict {
    return this.o.restartPolicy === 'OnFailure' ? podSucceeded(type, pod) : podCompleted(type, pod)
  }

  private verdictOnExit(verdict: Verdict, pod: RunPod): void {
    if (verdict === 'wait') return
    if (verdict === 'deleted') return this.finish(DELETED_WHILE_WAITING, 1)
    const { stderr, exitCode } = exitOf(pod)
    this.finish(stderr, exitCode)
  }

  /** logOpts: the container's whole log (pods/log), as `kubectl logs` prints it; its error as checkErr does. */
  private log(pod: AttachPod): string {
    const picked = this.o.attach.container ? { name: this.o.attach.container } : defaultContainer(pod, true)
    if ('error' in picked) return ''
    try {
      return this.io.engine.logs({ namespace: this.namespace, pod: this.name, container: picked.name })
    } catch (e) {
      this.write('stderr', attachErrorText(e))
      return ''
    }
  }

  /** Run returns: the deferred removal (--rm) prints first, then checkErr's text; the follow ends with `exitCode`. */
  private finish(stderr: string, exitCode: number): void {
    if (this.phase === 'over') return
    this.phase = 'over'
    this.stopStreams()
    if (this.o.remove) this.remove()
    this.write('stderr', stderr)
    this.end(exitCode)
  }

  /** removeCreatedObjects: DeleteResult with IgnoreNotFound, no wait, the pod's own grace period; quiet with -q. */
  private remove(): void {
    try {
      this.io.engine.delete('pods', this.namespace, this.name)
    } catch (e) {
      if (!(isApiError(e) && e.reason === 'NotFound')) this.write('stderr', attachErrorText(e))
      return
    }
    // DeleteOptions.PrintObj (pkg/cmd/delete/delete.go): `pod "x" deleted`.
    if (!this.o.attach.quiet) this.write('stdout', `pod "${this.name}" deleted\n`)
  }

  private stop(): void {
    this.phase = 'over'
    this.stopStreams()
  }

  private stopStreams(): void {
    this.handle?.detach()
    for (const stop of this.stops.splice(0)) stop()
  }
}
