import { describe, expect, it } from 'vitest'
import { kubeletStatus, translatedStatus } from './stream-status'

describe('the Status on the error stream', () => {
  it('the kubelet words a non-zero exit with containerd\'s `error executing command [argv], exit code N` and an ExitCode cause', () => {
    expect(JSON.stringify(kubeletStatus({ kind: 'exited', code: 137, command: ['sh', '-c', 'kill -9 $$'] }))).toBe(
      '{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c kill -9 $$], exit code 137","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"137"}]}}',
    )
  })

  it('a zero exit, and an attach whose container ended (whatever its code), are Success with nothing else', () => {
    expect(JSON.stringify(kubeletStatus({ kind: 'exited', code: 0, command: ['true'] }))).toBe('{"metadata":{},"status":"Success"}')
    expect(JSON.stringify(kubeletStatus({ kind: 'detached' }))).toBe('{"metadata":{},"status":"Success"}')
  })

  it('a command the runtime cannot start is NewInternalError of `error executing command in container: ...`', () => {
    expect(kubeletStatus({ kind: 'refused', runtimeError: 'exec: "kill": executable file not found in $PATH: unknown' })).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'Internal error occurred: error executing command in container: exec: "kill": executable file not found in $PATH: unknown',
      reason: 'InternalError',
      details: { causes: [{ message: 'error executing command in container: exec: "kill": executable file not found in $PATH: unknown' }] },
      code: 500,
    })
  })

  it('the WebSocket translator re-words an exit as `command terminated with exit code N` and wraps any other failure again', () => {
    const exited = translatedStatus(kubeletStatus({ kind: 'exited', code: 3, command: ['sh'] }))
    expect(exited.message).toBe('command terminated with non-zero exit code: command terminated with exit code 3')
    expect(exited.details).toEqual({ causes: [{ reason: 'ExitCode', message: '3' }] })
    const refused = translatedStatus(kubeletStatus({ kind: 'refused', runtimeError: 'boom' }))
    expect(refused.message).toBe('Internal error occurred: Internal error occurred: error executing command in container: boom')
    expect(translatedStatus(kubeletStatus({ kind: 'detached' })).status).toBe('Success')
  })
})
