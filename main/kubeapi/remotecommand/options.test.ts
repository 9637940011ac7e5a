import { describe, expect, it } from 'vitest'
import { DoorError } from '../status'
import { remoteCommandRequest } from './options'

describe('pods/exec and pods/attach options', () => {
  it('reads the repeated command, the container and the streams kubectl asks for', () => {
    const q = new URLSearchParams('command=sh&command=-c&command=echo%20hi&container=c&stdin=true&stdout=true&stderr=true')
    expect(remoteCommandRequest('exec', 'default', 'p', q)).toEqual({
      subresource: 'exec',
      namespace: 'default',
      pod: 'p',
      container: 'c',
      command: ['sh', '-c', 'echo hi'],
      streams: { stdin: true, stdout: true, stderr: true, tty: false },
    })
  })

  it('with a TTY there is no stderr stream (the kubelet bypasses it)', () => {
    const q = new URLSearchParams('command=sh&stdin=1&stdout=1&stderr=1&tty=1')
    expect(remoteCommandRequest('exec', 'default', 'p', q).streams).toEqual({ stdin: true, stdout: true, stderr: false, tty: true })
  })

  it('asking for no stream is the kubelet\'s BadRequest', () => {
    expect(() => remoteCommandRequest('attach', 'default', 'p', new URLSearchParams('stdout=false'))).toThrow(
      new DoorError(400, 'BadRequest', 'you must specify at least 1 of stdin, stdout, stderr'),
    )
  })
})
