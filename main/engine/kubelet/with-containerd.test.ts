// The kubelet wired to the real runtime (containerd/, its walking skeleton with the stand-in programs): a
// process's end reaches the kubelet through onContainerExit, a missing executable is runc's StartError, a stop
// ends in SIGKILL at the grace period's end. Images have no configs yet (the images part), so the test gives
// busybox its binaries: kubelet/from-images.ts imageConfigOf is where they will come from.
import { describe, expect, it } from 'vitest'
import type { HostEngine } from '../engine'
import { Containerd } from '../containerd/containerd'
import type { ContainerConfig } from '../containerd/runtime-service'
import { standInProgramFor } from '../containerd/testing/stand-in-programs'
import type { ImageConfig } from '../images/image-config'
import { openCluster } from '../open-cluster'
import { eventsFor, pod, tmpFile } from '../testing/cluster'

const BUSYBOX: ImageConfig = {
  entrypoint: [],
  cmd: ['sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  workingDir: '',
  user: '',
  exposedPorts: [],
  stopSignal: 'SIGTERM',
  binaries: { '/bin/sh': 'sh:busybox', '/bin/sleep': 'busybox:sleep' },
  files: {},
}

/** containerd with busybox's config filled in where the kubelet's stand-in leaves it empty. */
class BusyboxContainerd extends Containerd {
  override startContainer(config: ContainerConfig): ReturnType<Containerd['startContainer']> {
    return super.startContainer({ ...config, imageConfig: BUSYBOX })
  }
}

const open = (): HostEngine => openCluster(tmpFile(), { mode: 'manual', runtime: (world) => new BusyboxContainerd(world, standInProgramFor) })

const podOf = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec })
const statusOf = (engine: HostEngine, name: string) => pod(engine, name).status?.containerStatuses?.[0]

describe('the kubelet on containerd', () => {
  it('sleep 5 ends at 5 s and the kubelet hears it at once (PLEG): Completed, the pod Succeeded', () => {
    const engine = open()
    engine.create(podOf('nap', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '5'] }] }))
    engine.advance(3_000)
    const started = Date.parse(String(statusOf(engine, 'nap')?.state.running?.startedAt))
    engine.advance(10_000)
    const done = statusOf(engine, 'nap')!.state.terminated!
    expect(done).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(Date.parse(String(done.finishedAt)) - started).toBe(5_000)
    expect(pod(engine, 'nap').status?.phase).toBe('Succeeded')
    expect(engine.timeline('default', 'nap').map((t) => t.cause.kind)).toEqual(['started', 'exited'])
    engine.close()
  })

  it('an executable the image lacks: runc\'s StartError text, 128, RunContainerError', () => {
    const engine = open()
    engine.create(podOf('nofoo', { containers: [{ name: 'c', image: 'busybox', command: ['foo'] }] }))
    engine.advance(2_500)
    const message =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown'
    expect(statusOf(engine, 'nofoo')).toMatchObject({
      state: { waiting: { reason: 'RunContainerError', message } },
      lastState: { terminated: { exitCode: 128, reason: 'StartError', message } },
    })
    expect(eventsFor(engine, 'nofoo').map((e) => e.message)).toContain(`Error: ${message}`)
    engine.close()
  })

  it('deleting a pod whose PID 1 ignores SIGTERM (sleep): killed by SIGKILL at the end of the grace period, 137', () => {
    const engine = open()
    engine.create(podOf('sleeper', { terminationGracePeriodSeconds: 3, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] }))
    engine.advance(5_000)
    engine.delete('pods', 'default', 'sleeper', {})
    engine.advance(2_900)
    expect(engine.list('pods', 'default').items.map((p) => p.metadata.name)).toEqual(['sleeper'])
    engine.advance(200)
    expect(engine.list('pods', 'default').items).toEqual([])
    expect(engine.timeline('default', 'sleeper').map((t) => [t.to, t.exitCode, t.cause.kind])).toEqual([
      ['running', undefined, 'started'],
      ['terminated', 137, 'pod-deleted'],
    ])
    engine.close()
  })
})
