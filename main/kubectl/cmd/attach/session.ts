// The part of `kubectl attach`'s Run (pkg/cmd/attach/attach.go, v0.32.5) that both `kubectl attach` and
// `kubectl run -i/--attach` go through once they have a running pod: which container (podcmd's default), the TTY
// checks (the container's own TTY wins; a TTY needs a terminal: exec.StreamOptions.SetupTTY), the "If you don't
// see a command prompt" line, the stream itself (pods/attach: output from now on, stdin when asked), and the
// line printed after it (reattachMessage).

import type { KubeObject } from '../../../kube'
import { checkErrText, fromThrown, plain } from '../../errors'
import { ExecRefused } from '../../../engine'
import type { KubectlIO } from '../../io'
import { defaultContainer, hasContainer } from '../exec/podcmd'

/** A pod as attach reads it: its containers' stdin/tty, its restart policy, its phase. */
export interface AttachPod extends KubeObject {
  spec?: {
    restartPolicy?: string
    containers?: Array<{ name: string; tty?: boolean; stdin?: boolean }>
    initContainers?: Array<{ name: string; tty?: boolean }>
    ephemeralContainers?: Array<{ name: string; tty?: boolean }>
  }
  status?: { phase?: string }
}

export interface AttachFlags {
  container: string
  stdin: boolean
  tty: boolean
  quiet: boolean
  /** `kubectl attach`: the command the reattach line names (cmd.CommandPath(); `kubectl run` names attach too). */
  commandName: string
}

/** What Run settled before streaming: the container, whether the terminal is raw, and stderr printed so far. */
export interface AttachPlan {
  pod: AttachPod
  container: string
  stdin: boolean
  /** t.Raw: a TTY on a terminal. Output is then one stream (DisableStderr). */
  raw: boolean
  stderr: string
}

const TTY_REFUSED = 'Unable to use a TTY - input is not a terminal or the right kind of file\n'
export const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.\n"

/** Run, up to the stream: the container and TTY decided, the lines kubectl prints first. Returns kubectl's error text. */
export function planAttach(io: KubectlIO, pod: AttachPod, f: AttachFlags): AttachPlan | { error: string; stderr: string } {
  let stderr = ''
  let container = f.container
  if (container === '') {
    const picked = defaultContainer(pod, f.quiet)
    if ('error' in picked) return { error: `error: cannot attach to the container: ${picked.error}\n`, stderr }
    container = picked.name
    stderr += picked.warn
  } else if (!hasContainer(pod, container)) {
    return { error: `error: cannot attach to the container: container ${container} not found in pod ${pod.metadata.name ?? ''}\n`, stderr }
  }
  const spec = pod.spec ?? {}
  const containerTty = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].find((c) => c.name === container)?.tty === true
  let tty = f.tty
  if (tty && !containerTty) {
    tty = false
    if (!f.quiet) stderr += `error: Unable to use a TTY - container ${container} did not allocate one\n`
  } else if (!tty && containerTty) {
    // The container was launched with a TTY: the stream must be one too.
    tty = true
  }
  // SetupTTY: no stdin, no raw terminal; a TTY needs a terminal to read from.
  let raw = f.stdin && tty
  if (raw && !io.terminal) {
    raw = false
    if (!f.quiet) stderr += TTY_REFUSED
  }
  if (!f.quiet) stderr += PROMPT_HINT
  return { pod, container, stdin: f.stdin, raw, stderr }
}

/** An open attach: input for the container's stdin, and the detach. */
export interface AttachHandle {
  input(text: string | 'eof'): void
  detach(): void
}

/**
 * Opens pods/attach for `plan`: `write` hears the container's output (all on stdout when raw), `ended` its main
 * process's end. Without a terminal, the host's piped stdin is sent at once and closed. Throws ExecRefused or
 * ApiError (attachErrorText words them).
 */
export function openAttach(io: KubectlIO, plan: AttachPlan, write: (stream: 'stdout' | 'stderr', text: string) => void, ended: () => void): AttachHandle {
  const request = { namespace: plan.pod.metadata.namespace ?? 'default', pod: plan.pod.metadata.name ?? '', container: plan.container, stdin: plan.stdin }
  let open = true
  const session = io.engine.attachOpen(request, {
    output: (stream, text) => write(plan.raw ? 'stdout' : stream, text),
    exit: () => {
      // The server closed the stream: nothing to detach from.
      open = false
      ended()
    },
  })
  const handle: AttachHandle = {
    input: (text) => {
      if (open) io.engine.execInput(session, text)
    },
    detach: () => {
      if (!open) return
      open = false
      io.engine.execClose(session)
    },
  }
  if (plan.stdin && !io.terminal) {
    const piped = io.readStdin()
    if (piped !== '') handle.input(piped)
    handle.input('eof')
  }
  return handle
}

/** kubectl's text for an attach the server refused. */
export function attachErrorText(e: unknown): string {
  if (e instanceof ExecRefused) return checkErrText(plain(e.message))
  return checkErrText(fromThrown(e))
}

/**
 * reattachMessage: after a raw session with stdin on a pod that restarts its containers (restartPolicy Always),
 * the line (on stdout) that says how to come back; '' otherwise.
 */
export function reattachMessage(plan: AttachPlan, f: AttachFlags): string {
  if (f.quiet || !plan.stdin || !plan.raw || (plan.pod.spec?.restartPolicy ?? 'Always') !== 'Always') return ''
  const name = plan.pod.metadata.name ?? ''
  if ((plan.pod.spec?.ephemeralContainers ?? []).some((c) => c.name === plan.container)) {
    return `Session ended, the ephemeral container will not be restarted but may be reattached using '${f.commandName} ${name} -c ${plan.container} -i -t' if it is still running\n`
  }
  return `Session ended, resume using '${f.commandName} ${name} -c ${plan.container} -i -t' command when the pod is running\n`
}
