// A container's termination message as the kubelet reads it when the container ends (kuberuntime
// kuberuntime_container.go, getTerminationMessage / readLastStringFromContainerLogs).

import { ERRNO_TEXT } from '../process/errno'
import type { ContainerFs } from './container-fs'
import type { ContainerRecord } from './state'

/** The kubelet's limits on a termination message (kubecontainer): the file's bytes, and the log's tail. */
const MAX_MESSAGE_BYTES = 4096
const FALLBACK_LOG_LINES = 80
const FALLBACK_LOG_BYTES = 2048

/**
 * The file at `c.terminationMessagePath` (at most 4096 bytes), or, when it is empty and `c` failed (`code` not
 * 0) under FallbackToLogsOnError, the last 80 lines of its log cut to their last 2048 bytes; undefined when
 * there is none. `logTail(lines)` gives the log's last lines.
 */
export function terminationMessage(fs: ContainerFs, c: ContainerRecord, code: number, logTail: (lines: number) => string): string | undefined {
  const text = fs.readFile(c.terminationMessagePath)
  let message = typeof text === 'string' && !(text in ERRNO_TEXT) ? text : ''
  if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) message = Buffer.from(message).subarray(0, MAX_MESSAGE_BYTES).toString()
  if (message === '' && c.terminationMessagePolicy === 'FallbackToLogsOnError' && code !== 0) {
    const tail = logTail(FALLBACK_LOG_LINES)
    const bytes = Buffer.from(tail)
    message = bytes.length > FALLBACK_LOG_BYTES ? bytes.subarray(bytes.length - FALLBACK_LOG_BYTES).toString() : tail
  }
  return message === '' ? undefined : message
}
