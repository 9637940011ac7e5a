// Logs and exec as the API server serves them: the container picked (or the API server's refusal), the
// kubelet's refusals while a container waits, --previous, tail/since/timestamps/limit-bytes, following until
// the container ends, exec to its end with stdin, and an interactive session whose input arrives later.

import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Pod } from '../api/pods/types'
import { ExecRefused, PodIo } from './pod-io'
import { NODE, runtimeHarness } from './testing/harness'

const harness = runtimeHarness()

function running(name: string, id: string, last?: string): ContainerStatus {
  const status: ContainerStatus = { name, state: { running: {} }, lastState: {}, ready: true, restartCount: 0, image: 'test', imageID: '', containerID: `containerd://${id}` }
  if (last) status.lastState = { terminated: { exitCode: 1, containerID: `containerd://${last}` } }
  return status
}

function podWith(containers: string[], statuses: ContainerStatus[], init: string[] = []): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'uid-p' },
    spec: { nodeName: NODE, containers: containers.map((name) => ({ name, image: 'test' })), ...(init.length ? { initContainers: init.map((name) => ({ name, image: 'test' })) } : {}) },
    status: { containerStatuses: statuses },
  } as Pod
}

describe('logs', () => {
  it('two containers and none named: the API server asks for one, naming the init containers too', () => {
    const h = harness()
    const io = new PodIo(h.containerd)
    expect(() => io.logs(podWith(['a', 'b'], []), { namespace: 'default', pod: 'p' }, 0)).toThrow('a container name must be specified for pod p, choose one of: [a b]')
    expect(() => io.logs(podWith(['a', 'b'], [], ['i']), { namespace: 'default', pod: 'p' }, 0)).toThrow(
      'a container name must be specified for pod p, choose one of: [a b] or one of the init containers: [i]',
    )
    expect(() => io.logs(podWith(['a'], []), { namespace: 'default', pod: 'p', container: 'z' }, 0)).toThrow('container z is not valid for pod p')
  })

  it("a waiting container has no log yet, in the kubelet's words; --previous without a dead one is not found", () => {
    const h = harness()
    const io = new PodIo(h.containerd)
    const waiting = (reason: string) => podWith(['c'], [{ name: 'c', state: { waiting: { reason } }, lastState: {}, ready: false, restartCount: 0, image: 'test', imageID: '' }])
    expect(() => io.logs(waiting('ContainerCreating'), { namespace: 'default', pod: 'p' }, 0)).toThrow('container "c" in pod "p" is waiting to start: ContainerCreating')
    expect(() => io.logs(waiting('ImagePullBackOff'), { namespace: 'default', pod: 'p' }, 0)).toThrow('container "c" in pod "p" is waiting to start: trying and failing to pull image')
    expect(() => io.logs(waiting('ContainerCreating'), { namespace: 'default', pod: 'p', previous: true }, 0)).toThrow('previous terminated container "c" in pod "p" not found')
  })

  it('the current instance by default, the previous one with --previous', () => {
    const h = harness()
    const io = new PodIo(h.containerd)
    const old = h.start({ command: ['say', 'first life'] })
    const now = h.start({ command: ['say', 'second life'] })
    const pod = podWith(['c'], [running('c', now, old)])
    expect(io.logs(pod, { namespace: 'default', pod: 'p' }, h.world.now())).toBe('second life\n')
    expect(io.logs(pod, { namespace: 'default', pod: 'p', previous: true }, h.world.now())).toBe('first life\n')
  })

  it('tail, since, timestamps (fixed nanoseconds) and limit-bytes', () => {
    const h = harness()
    const io = new PodIo(h.containerd)
    const id = h.start({ command: ['serve', '80'] })
    h.advance(10_000)
    h.tx(() => h.containerd.http(NODE, id, { port: 80, path: '/a', scheme: 'HTTP', headers: {} }, 1000))
    h.advance(10_000)
    h.tx(() => h.containerd.http(NODE, id, { port: 80, path: '/', scheme: 'HTTP', headers: {} }, 1000))
    const pod = podWith(['c'], [running('c', id)])
    const logs = (o: object) => io.logs(pod, { namespace: 'default', pod: 'p', ...o }, h.world.now())
    expect(logs({})).toBe('listening on 80\nGET /a 404\nGET / 200\n')
    expect(logs({ tailLines: 2 })).toBe('GET /a 404\nGET / 200\n')
    expect(logs({ sinceSeconds: 5 })).toBe('GET / 200\n')
    expect(logs({ timestamps: true, tailLines: 1 })).toBe('2025-01-01T00:00:20.000000000Z GET / 200\n')
    expect(logs({ limitBytes: 5 })).toBe('liste')
  })

  it('a follower hears the log so far, each new line once committed, and ends with the container', () => {
    const h = harness()
    const io = new PodIo(h.containerd)
    const id = h.start({ command: ['serve', '80'] })
    const heard: string[] = []
    const f = io.follow(podWith(['c'], [running('c', id)]), { namespace: 'default', pod: 'p' }, h.world.now(), (t) => heard.push(t), () => heard.push('<end>'))
    const read = (node: string, key: string) => h.world.nodeState.get<never>(node, key)
    expect(f.pump(read)).toBe(false)
    h.tx(() => h.containerd.http(NODE, id, { port: 80, path: '/x', scheme: 'HTTP', headers: {} }, 1000))
    expect(f.pump(read)).toBe(false)
    h.tx(() => h.containerd.stopContainer(NODE, id, 30_000))
    expect(f.pump(read)).toBe(true)
    expect(heard).toEqual(['listening on 80\n', 'GET /x 404\n', '<end>'])
  })
})

describe('exec', () => {
  it('runs to its end with stdin; a missing binary is ExecRefused with the runtime\'s text; a container not running is not found', () => {
    const h = harness()
    const io = new PodIo(h.containerd)
    const id = h.start()
    const pod = podWith(['c'], [running('c', id)])
    expect(h.tx(() => io.exec(pod, { namespace: 'default', pod: 'p', command: ['cat'], stdin: 'typed\n' }))).toEqual({ stdout: 'typed\n', stderr: '', exitCode: 0 })
    expect(h.tx(() => io.exec(pod, { namespace: 'default', pod: 'p', command: ['sleep', '3'] }))).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    const missing = () => h.tx(() => io.exec(pod, { namespace: 'default', pod: 'p', command: ['kill', '1'].map((w, i) => (i === 0 ? 'nokill' : w)) }))
    expect(missing).toThrow(ExecRefused)
    expect(missing).toThrow(
      /^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nokill": executable file not found in \$PATH: unknown$/,
    )
    h.tx(() => h.containerd.stopContainer(NODE, id, 0))
    expect(() => h.tx(() => io.exec(pod, { namespace: 'default', pod: 'p', command: ['ps'] }))).toThrow('unable to upgrade connection: container not found ("c")')
  })

  it('an interactive session: output as it comes, input typed later wakes the reader, end of input ends it', () => {
    const h = harness()
    const io = new PodIo(h.containerd)
    const id = h.start()
    const heard: string[] = []
    const session = h.tx(() =>
      io.open(podWith(['c'], [running('c', id)]), { namespace: 'default', pod: 'p', command: ['cat'], tty: true }, { output: (_s, t) => heard.push(t), exit: (code) => heard.push(`exit ${code}`) }),
    )
    h.advance(5_000)
    h.tx(() => h.containerd.sessionInput(session, 'hello\n'))
    expect(heard).toEqual(['hello\n'])
    h.tx(() => h.containerd.sessionInput(session, 'eof'))
    expect(heard).toEqual(['hello\n', 'exit 0'])
  })
})
