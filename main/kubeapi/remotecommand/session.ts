// One exec or attach between a protocol (SPDY or WebSocket streams) and the engine's session, as the kubelet's
// streaming server joins the client's streams to the runtime's (ServeExec, ServeAttach): the client's stdin goes
// in as it comes, the process's output goes out as the clock runs, and its end becomes the Outcome the protocol
// words as a Status. A client that goes away hangs the session up (SIGHUP for an exec, a detach for an attach).

import { StringDecoder } from 'node:string_decoder'
import { ExecRefused, type Engine } from '../../engine'
import type { StreamTarget } from './location'
import type { RemoteCommandRequest } from './options'
import type { Outcome } from './stream-status'

/** Where the session's output and end go. */
export interface RemoteStreams {
  /** Output as the process writes it: with a TTY everything is stdout. */
  output(stream: 'stdout' | 'stderr', data: Buffer): void
  /** Called once, when the command has ended (or could not start). */
  end(outcome: Outcome): void
}

/** What the protocol hands the session from the client. */
export interface RemoteInput {
  stdin(data: Buffer): void
  /** The client closed stdin (SPDY FIN on the stdin stream, the v5 close signal, or the client went away). */
  stdinEnd(): void
  /** The client is gone before the end: the session is closed. */
  hangUp(): void
}

/**
 * Starts `request` in `target`'s container. Throws ExecRefused (without runtimeError) when the container is no
 * longer running; a command the runtime cannot start ends at once with a `refused` outcome.
 */
export function runRemoteCommand(engine: Engine, request: RemoteCommandRequest, target: StreamTarget, streams: RemoteStreams): RemoteInput {
  let over = false
  let session: string | undefined
  const decoder = new StringDecoder('utf8')
  const finish = (outcome: Outcome) => {
    if (over) return
    over = true
    streams.end(outcome)
  }
  const listener = {
    output: (stream: 'stdout' | 'stderr', text: string) => {
      if (over) return
      if (stream === 'stdout' ? request.streams.stdout : request.streams.stderr || request.streams.tty) {
        streams.output(request.streams.tty ? 'stdout' : stream, Buffer.from(text, 'utf8'))
      }
    },
    exit: (code: number) =>
      finish(request.subresource === 'attach' ? { kind: 'detached' } : { kind: 'exited', code, command: request.command }),
  }
  try {
    session =
      request.subresource === 'exec'
        ? engine.execOpen({ ...target, command: request.command, tty: request.streams.tty }, listener)
        : engine.attachOpen({ ...target, stdin: request.streams.stdin }, listener)
  } catch (e) {
    if (e instanceof ExecRefused && e.runtimeError !== undefined) {
      finish({ kind: 'refused', runtimeError: e.runtimeError })
      return { stdin: () => {}, stdinEnd: () => {}, hangUp: () => {} }
    }
    throw e
  }
  const opened = session
  const input = (text: string | 'eof') => {
    if (over || text === '') return
    try {
      engine.execInput(opened, text)
    } catch {
      // The engine closed under us (the server is stopping): the connection's end follows.
    }
  }
  // Without stdin the process reads end-of-file at once, as from /dev/null.
  if (request.subresource === 'exec' && !request.streams.stdin) input('eof')
  return {
    stdin: (data) => input(decoder.write(data)),
    stdinEnd: () => {
      input(decoder.end())
      input('eof')
    },
    hangUp: () => {
      if (over) return
      over = true
      try {
        engine.execClose(opened)
      } catch {
        // As above.
      }
    },
  }
}
