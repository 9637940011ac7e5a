// The notes' "kill inside the pod and it comes back" (issue 8, item 7), through the Engine as the console will
// drive it, on the real runtime with the real images and programs.
import { describe, expect, it } from 'vitest'
import type { HostEngine } from '../engine'
import { openCluster } from '../open-cluster'
import { MYNGINX, pod, tmpFile } from '../testing/cluster'

const running = (): HostEngine => {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  engine.create(MYNGINX)
  engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } })
  engine.advance(20_000)
  return engine
}
const exec = (engine: HostEngine, name: string, command: string[]) => engine.exec({ namespace: 'default', pod: name, command })
const restarts = (engine: HostEngine, name: string) => pod(engine, name).status?.containerStatuses?.[0]?.restartCount

describe('kill inside the pod (k8s-behaviour.md §5 "Exec and the image\'s own binaries")', () => {
  it("nginx (Debian slim, no procps) has no kill binary: exec kill 1 fails with the runtime's words and nothing restarts", () => {
    const engine = running()
    expect(() => exec(engine, 'mynginx', ['kill', '1'])).toThrow(/exec: "kill": executable file not found in \$PATH/)
    engine.advance(5_000)
    expect(restarts(engine, 'mynginx')).toBe(0)
    engine.close()
  })

  it("sh -c 'kill 1' uses dash's builtin: nginx (PID 1) exits on SIGTERM and the kubelet restarts it", () => {
    const engine = running()
    expect(exec(engine, 'mynginx', ['sh', '-c', 'kill 1'])).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    engine.advance(5_000)
    expect(restarts(engine, 'mynginx')).toBe(1)
    engine.close()
  })

  it("an exec'd shell's output reaches the caller, not the container's log: dash's not-found text, then $?", () => {
    const engine = running()
    expect(exec(engine, 'mynginx', ['sh', '-c', 'nosuch; echo $?'])).toEqual({ stdout: '127\n', stderr: 'sh: 1: nosuch: not found\n', exitCode: 0 })
    engine.close()
  })

  it('busybox running sleep as PID 1 ignores SIGTERM from inside (no handler): nothing restarts', () => {
    const engine = running()
    expect(exec(engine, 'bb', ['kill', '1']).exitCode).toBe(0)
    engine.advance(5_000)
    expect(restarts(engine, 'bb')).toBe(0)
    engine.close()
  })
})
