// pods/attach on a real cluster (manual clock): a client attached to a `stdin: true` container's PID 1 feeds its
// stdin and hears its output from the moment it attaches; `stdinOnce` closes that stdin when the client leaves.
import { describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { manualClusters, pod } from '../testing/cluster'

const cluster = manualClusters()

function shellPod(engine: Engine, container: Record<string, unknown>): void {
  engine.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'sh' },
    spec: { restartPolicy: 'Never', containers: [{ name: 'sh', image: 'busybox', command: ['sh'], stdin: true, ...container }] },
  })
  engine.advance(30_000)
}

function attach(engine: Engine, stdin = true) {
  const heard = { out: '', exit: undefined as number | undefined }
  const id = engine.attachOpen(
    { namespace: 'default', pod: 'sh', stdin },
    { output: (_s, text) => (heard.out += text), exit: (code) => (heard.exit = code) },
  )
  return { id, heard }
}

describe('attach to a container with stdin', () => {
  it('typed lines reach PID 1 (a shell) and its output comes back; `exit 3` ends the attach with 3 and the pod Failed', () => {
    const engine = cluster()
    shellPod(engine, {})
    expect(pod(engine, 'sh').status?.phase).toBe('Running')
    const { id, heard } = attach(engine)
    engine.execInput(id, 'echo attached-$((1+2))\n')
    engine.advance(1_000)
    expect(heard.out).toBe('attached-3\n')
    engine.execInput(id, 'exit 3\n')
    engine.advance(5_000)
    expect(heard.exit).toBe(3)
    expect(pod(engine, 'sh').status?.phase).toBe('Failed')
  })

  it('a TTY container: the shell is interactive (TERM=xterm, as containerd sets it) and its prompt comes on the one stream', () => {
    const engine = cluster()
    shellPod(engine, { tty: true })
    const { id, heard } = attach(engine)
    engine.execInput(id, 'echo $TERM\n')
    engine.advance(1_000)
    expect(heard.out).toBe('xterm\n/ # ')
  })

  it('stdinOnce: detaching closes PID 1\'s stdin for good, so the shell reads EOF and ends 0', () => {
    const engine = cluster()
    shellPod(engine, { stdinOnce: true })
    const { id, heard } = attach(engine)
    engine.execClose(id)
    engine.advance(5_000)
    expect(heard.exit).toBeUndefined()
    expect(pod(engine, 'sh').status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(0)
  })

  it('without stdinOnce a detach leaves the shell waiting for the next client', () => {
    const engine = cluster()
    shellPod(engine, {})
    engine.execClose(attach(engine).id)
    engine.advance(5_000)
    expect(pod(engine, 'sh').status?.phase).toBe('Running')
    const again = attach(engine)
    engine.execInput(again.id, 'echo back\n')
    engine.advance(1_000)
    expect(again.heard.out).toBe('back\n')
  })

  it('an output-only client hears what PID 1 prints after it attaches, not before', () => {
    const engine = cluster()
    engine.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sh' },
      spec: { containers: [{ name: 'sh', image: 'busybox', command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick-$i; sleep 10; done'] }] },
    })
    engine.advance(30_000)
    const { heard } = attach(engine, false)
    engine.advance(10_000)
    expect(heard.out).toMatch(/^tick-\d+\n$/)
    expect(heard.out).not.toBe('tick-1\n')
  })

  it('a container that is not running refuses the attach as the kubelet does', () => {
    const engine = cluster()
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sh' }, spec: { restartPolicy: 'Never', containers: [{ name: 'sh', image: 'busybox', command: ['true'] }] } })
    engine.advance(30_000)
    expect(() => attach(engine)).toThrow('unable to upgrade connection: container not found ("sh")')
  })
})
