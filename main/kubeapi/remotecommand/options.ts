// pods/exec and pods/attach options from the query (core/v1 PodExecOptions, PodAttachOptions) and the streams
// they ask for, as the kubelet reads them (pkg/kubelet/cri/streaming/remotecommand/httpstream.go NewOptions).

import { badRequest } from '../status'

export interface StreamOptions {
  stdin: boolean
  stdout: boolean
  /** False with a TTY: a terminal has one output stream. */
  stderr: boolean
  tty: boolean
}

export interface RemoteCommandRequest {
  subresource: 'exec' | 'attach'
  namespace: string
  pod: string
  /** As the client named it; '' when it named none. */
  container: string
  /** exec's argv (repeated `command`); empty for attach. */
  command: string[]
  streams: StreamOptions
}

/** The API server's query decoding of a bool (strconv.ParseBool). */
function flag(query: URLSearchParams, name: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(query.get(name) ?? '')
}

/**
 * The request `query` describes. Throws DoorError BadRequest, the kubelet's `you must specify at least 1 of
 * stdin, stdout, stderr`, when it asks for no stream.
 */
export function remoteCommandRequest(subresource: 'exec' | 'attach', namespace: string, pod: string, query: URLSearchParams): RemoteCommandRequest {
  const tty = flag(query, 'tty')
  const streams: StreamOptions = { stdin: flag(query, 'stdin'), stdout: flag(query, 'stdout'), stderr: flag(query, 'stderr'), tty }
  // NewOptions: "Access to exec with tty and stderr is not supported, bypassing stderr".
  if (tty && streams.stderr) streams.stderr = false
  if (!streams.stdin && !streams.stdout && !streams.stderr) throw badRequest('you must specify at least 1 of stdin, stdout, stderr')
  return {
    subresource,
    namespace,
    pod,
    container: query.get('container') ?? '',
    command: subresource === 'exec' ? query.getAll('command') : [],
    streams,
  }
}
