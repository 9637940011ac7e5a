// What the image daemons share: a first step that prints the start-up lines, listens and sets the memory and
// CPU profile (or refuses to start with an exit status); then waiting for requests and signals; a handled signal
// ends the process at once or after a delay (Go servers that sleep before exiting). serveHttp answers requests;
// an answer may also schedule the end (agnhost's /exit): the kernel runs the process again after serveHttp.

import type { HttpRequest, HttpResponse, Program, Step, Sys } from '../../process/program'
import type { Signal } from '../../process/signals'
import { type Invocation, invocation } from '../kit'
import { strftime } from '../strftime'

export interface ServerState {
  inv: Invocation
  /** Virtual ms of the first step. */
  startedAt: number
  booted: boolean
  /** Requests answered so far. */
  served: number
  /** Set once the server decided to end: when (virtual ms) and with which status. */
  ending?: { atMs: number; status: number }
}

export interface Boot {
  listen: number[]
  /** Resident memory, bytes. */
  rssBytes: number
  cpuMillicores: number
}

/** What a handled signal does: exit now, exit later (after `afterMs`), or nothing. */
export type SignalOutcome = { exit: number } | { exitAfterMs: number; status: number } | 'ignore'

export interface ServerSpec {
  /** Prints the start-up lines; the ports and profile, or the status the program exits with at once. */
  boot(inv: Invocation, sys: Sys): Boot | number
  signals?: Partial<Record<Signal, (state: ServerState, sys: Sys) => SignalOutcome>>
  serve?(state: ServerState, request: HttpRequest, sys: Sys): HttpResponse | { response: HttpResponse; end: { afterMs: number; status: number } }
}

function waiting(state: ServerState): Step<ServerState> {
  return { state, block: state.ending ? { wakeAt: state.ending.atMs } : {} }
}

export function server(spec: ServerSpec): Program<ServerState> {
  return {
    start: (ctx, sys) => ({ inv: invocation(ctx), startedAt: sys.now(), booted: false, served: 0 }),
    run: (state, sys) => {
      if (state.ending && sys.now() >= state.ending.atMs) return { exit: state.ending.status }
      if (state.booted) return waiting(state)
      const boot = spec.boot(state.inv, sys)
      if (typeof boot === 'number') return { exit: boot }
      for (const port of boot.listen) sys.listen(port)
      sys.setRss(boot.rssBytes)
      sys.setCpu(boot.cpuMillicores)
      return waiting({ ...state, booted: true })
    },
    handles: (_state, sig) => spec.signals?.[sig] !== undefined,
    signal: (state, sig, sys) => {
      const outcome = spec.signals?.[sig]?.(state, sys) ?? 'ignore'
      if (outcome === 'ignore') return waiting(state)
      if ('exit' in outcome) return { exit: outcome.exit }
      return waiting({ ...state, ending: state.ending ?? { atMs: sys.now() + outcome.exitAfterMs, status: outcome.status } })
    },
    serveHttp: spec.serve
      ? (state, request, sys) => {
          const next = { ...state, served: state.served + 1 }
          const answered = spec.serve!(next, request, sys)
          if ('end' in answered) return { state: { ...next, ending: next.ending ?? { atMs: sys.now() + answered.end.afterMs, status: answered.end.status } }, response: answered.response }
          return { state: next, response: answered }
        }
      : undefined,
  }
}

/**
 * A Go program that never calls signal.Notify: the Go runtime still installs its own handlers, so the kernel
 * delivers TERM, INT, HUP and QUIT even to PID 1; the runtime then dies of the signal (dieFromSignal), and as PID 1
 * (where the default action is ignored) it falls back to exit(2). So a Go server ends at once on `kubectl
 * delete`, with status 2.
 */
export const GO_DEFAULT_SIGNALS: ServerSpec['signals'] = {
  SIGTERM: () => ({ exit: 2 }),
  SIGINT: () => ({ exit: 2 }),
  SIGHUP: () => ({ exit: 2 }),
  SIGQUIT: () => ({ exit: 2 }),
}

/** Go's log.Printf: `2026/12/01 02:44:48 text` on stderr. */
export function goLog(sys: Sys, text: string): void {
  sys.write(2, `${strftime('%Y/%m/%d %H:%M:%S', sys.now())} ${text}\n`)
}

/** A plain-text answer with the headers Go's net/http adds. */
export function textResponse(sys: Sys, status: number, body: string, type = 'text/plain; charset=utf-8'): HttpResponse {
  return { status, headers: { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body, 'utf8')), Date: strftime('%a, %d %b %Y %H:%M:%S GMT', sys.now()) }, body }
}

/** The client's address as Go's Request.RemoteAddr shows it (an ephemeral port, counted from 49152). */
export function remoteAddr(request: HttpRequest, served: number): string {
  return `${request.remoteAddr ?? '127.0.0.1'}:${49152 + (served % 16384)}`
}

export const MiB = 1024 * 1024
