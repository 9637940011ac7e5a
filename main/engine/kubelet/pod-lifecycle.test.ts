import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../kube'
import type { Pod } from '../api/pods/types'
import { openCluster } from '../open-cluster'
import { eventsFor, MYNGINX, pod, row, tmpFile } from '../testing/cluster'

describe('a Pod from creation to Running (k8s-behaviour.md §1.3, §10)', () => {
  it('is bound to a worker at once, shows ContainerCreating, then Running with an IP from its node CIDR', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const created = engine.create(MYNGINX) as Pod
    expect(created.metadata.uid).toBeTruthy()
    expect(created.metadata.creationTimestamp).toBe('2025-01-01T00:00:00Z')
    expect(created.status?.phase).toBe('Pending')
    expect(created.metadata.generation).toBeUndefined()

    const bound = pod(engine)
    expect(bound.spec.nodeName).toMatch(/^podlab-worker\d?$/)
    expect(bound.status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('ContainerCreating')
    expect(bound.status?.phase).toBe('Pending')

    engine.advance(30_000)
    const running = pod(engine)
    expect(running.status?.phase).toBe('Running')
    expect(running.status?.containerStatuses?.[0]).toMatchObject({ ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest' })
    const node = engine.get('nodes', undefined, running.spec.nodeName ?? '') as KubeObject & { spec: { podCIDR: string } }
    const prefix = node.spec.podCIDR.replace('0/24', '')
    expect(running.status?.podIP?.startsWith(prefix)).toBe(true)
    expect(running.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ])

    expect(eventsFor(engine, 'mynginx').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      `Normal Scheduled Successfully assigned default/mynginx to ${running.spec.nodeName}`,
      'Normal Pulling Pulling image "nginx"',
      expect.stringMatching(/^Normal Pulled Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/),
      'Normal Created Created container nginx',
      'Normal Started Started container nginx',
    ])
    engine.close()
  })

  it('reports ErrImageNeverPull once for imagePullPolicy: Never and an image the node does not have', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'never' }, spec: { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never' }] } })
    engine.advance(10_000)
    expect(pod(engine, 'never').status?.containerStatuses?.[0]?.state.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "nginx" is not present with pull policy of Never',
    })
    const never = eventsFor(engine, 'never').filter((e) => e.reason === 'ErrImageNeverPull')
    expect(never.map((e) => [e.type, e.count])).toEqual([['Warning', 1]])
    engine.close()
  })

  it('fails the pull of a tag the repository never published: ErrImagePull with containerd\'s "rpc error: code = NotFound" text', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'typo' }, spec: { containers: [{ name: 'c', image: 'nginx:1.999' }] } })
    engine.advance(3_000)
    expect(pod(engine, 'typo').status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('ErrImagePull')
    expect(eventsFor(engine, 'typo').map((e) => e.message)).toContain(
      'Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    )
    expect(pod(engine, 'typo').status?.containerStatuses?.[0]?.state.waiting?.message).toMatch(/^rpc error: code = NotFound desc = failed to pull and unpack image /)
    engine.close()
  })

  it('refuses image Controller:Latest before any pull: InvalidImageName with the 1.32 InspectFailed text, and stays so', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'upper' }, spec: { containers: [{ name: 'c', image: 'Controller:Latest' }] } })
    engine.advance(60_000)
    const message =
      'Failed to apply default image tag "Controller:Latest": couldn\'t parse image name "Controller:Latest": invalid reference format: repository name (library/Controller) must be lowercase'
    expect(pod(engine, 'upper').status?.containerStatuses?.[0]?.state.waiting).toEqual({ reason: 'InvalidImageName', message })
    const events = eventsFor(engine, 'upper').map((e) => `${e.type} ${e.reason} ${e.message}`)
    expect(events).toContain(`Warning InspectFailed ${message}`)
    expect(events).toContain('Warning Failed Error: InvalidImageName')
    expect(events.some((e) => e.includes('Pulling'))).toBe(false)
    expect(row(engine, 'upper')).toMatch(/InvalidImageName/)
    engine.close()
  })

  it('goes ErrImagePull then ImagePullBackOff for an image that does not exist (the seed notes\' helloimage)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'hello' }, spec: { containers: [{ name: 'hello', image: 'helloimage' }] } })
    engine.advance(3_000)
    expect(pod(engine, 'hello').status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('ErrImagePull')
    engine.advance(2_000)
    expect(pod(engine, 'hello').status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('ImagePullBackOff')
    expect(pod(engine, 'hello').status?.phase).toBe('Pending')
    const reasons = eventsFor(engine, 'hello').map((e) => `${e.type} ${e.reason}`)
    expect(reasons).toEqual(['Normal Scheduled', 'Normal Pulling', 'Warning Failed', 'Warning Failed', 'Normal BackOff', 'Warning Failed'])
    engine.close()
  })

  it('ImagePullBackOff\'s waiting message carries the last pull error (1.32 image_manager.go prevPullErrMsg); its BackOff event does not', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'hello' }, spec: { containers: [{ name: 'hello', image: 'helloimage' }] } })
    engine.advance(3_000)
    const pullError = pod(engine, 'hello').status?.containerStatuses?.[0]?.state.waiting?.message ?? ''
    expect(pullError).toMatch(/^rpc error: code = /)
    engine.advance(2_000)
    const waiting = pod(engine, 'hello').status?.containerStatuses?.[0]?.state.waiting
    expect(waiting).toEqual({ reason: 'ImagePullBackOff', message: `Back-off pulling image "helloimage": ErrImagePull: ${pullError}` })
    const backOff = eventsFor(engine, 'hello').find((e) => e.reason === 'BackOff')
    expect(backOff?.message).toBe('Back-off pulling image "helloimage"')
    engine.close()
  })
})

describe('containers that end (k8s-behaviour.md §1.1, §1.3, §3)', () => {
  it('restarts busybox (whose sh exits at once) immediately once, then backs off 10s, 20s, ...: CrashLoopBackOff', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'bb' }, spec: { containers: [{ name: 'bb', image: 'busybox' }] } })
    engine.advance(5_000)
    const p = pod(engine, 'bb')
    const status = p.status?.containerStatuses?.[0]
    expect(p.status?.phase).toBe('Running')
    expect(status?.restartCount).toBe(1)
    expect(status?.state.waiting).toEqual({
      reason: 'CrashLoopBackOff',
      message: `back-off 10s restarting failed container=bb pod=bb_default(${p.metadata.uid})`,
    })
    expect(status?.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(row(engine, 'bb')).toMatch(/^bb \| 0\/1 \| CrashLoopBackOff \| 1 \(\d+s ago\) \| 5s$/)
    expect(eventsFor(engine, 'bb').at(-1)).toMatchObject({
      type: 'Warning',
      reason: 'BackOff',
      message: `Back-off restarting failed container bb in pod bb_default(${p.metadata.uid})`,
    })

    engine.advance(55_000)
    // restarts at about 2.9s (at once), 13.6s (+10s), 34.3s (+20s); the next waits 40s
    expect(pod(engine, 'bb').status?.containerStatuses?.[0]?.restartCount).toBe(3)
    expect(pod(engine, 'bb').status?.containerStatuses?.[0]?.state.waiting?.message).toMatch(/^back-off 40s /)
    expect(eventsFor(engine, 'bb').find((e) => e.reason === 'BackOff')?.count).toBe(3)
    engine.close()
  })

  it('leaves a pod with restartPolicy Never Failed with STATUS Error when its command exits 3', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({
      ...MYNGINX,
      metadata: { name: 'once' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 3'] }] },
    })
    engine.advance(10_000)
    expect(pod(engine, 'once').status?.phase).toBe('Failed')
    expect(pod(engine, 'once').status?.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(row(engine, 'once')).toBe('once | 0/1 | Error | 0 | 10s')
    engine.close()
  })

  it('leaves a pod with restartPolicy OnFailure Succeeded with STATUS Completed when sleep 5 ends', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({
      ...MYNGINX,
      metadata: { name: 'nap' },
      spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '5'] }] },
    })
    engine.advance(5_000)
    expect(row(engine, 'nap')).toBe('nap | 1/1 | Running | 0 | 5s')
    engine.advance(5_000)
    expect(pod(engine, 'nap').status?.phase).toBe('Succeeded')
    expect(row(engine, 'nap')).toBe('nap | 0/1 | Completed | 0 | 10s')
    engine.close()
  })
})

describe('init containers (k8s-behaviour.md §1.1, §1.2, §1.3)', () => {
  const withInit = (name: string, command: string[], restartPolicy?: string) => ({
    ...MYNGINX,
    metadata: { name },
    spec: {
      ...(restartPolicy ? { restartPolicy } : {}),
      initContainers: [{ name: 'setup', image: 'busybox', command }],
      containers: [{ name: 'web', image: 'nginx' }],
    },
  })

  it('runs them to success before the app containers: Init:0/1, then PodInitializing, then Running', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(withInit('init', ['sleep', '5']))
    engine.advance(4_000)
    expect(row(engine, 'init')).toBe('init | 0/1 | Init:0/1 | 0 | 4s')
    expect(pod(engine, 'init').status?.phase).toBe('Pending')
    expect(pod(engine, 'init').status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [setup]',
    })
    engine.advance(5_000)
    expect(row(engine, 'init')).toBe('init | 0/1 | PodInitializing | 0 | 9s')
    expect(pod(engine, 'init').status?.initContainerStatuses?.[0]).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } })
    engine.advance(6_000)
    expect(row(engine, 'init')).toBe('init | 1/1 | Running | 0 | 15s')
    expect(pod(engine, 'init').status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True')
    engine.close()
  })

  it('fails the pod (Init:Error) when an init container fails and restartPolicy is Never', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(withInit('doomed', ['sh', '-c', 'exit 1'], 'Never'))
    engine.advance(5_000)
    expect(pod(engine, 'doomed').status?.phase).toBe('Failed')
    expect(row(engine, 'doomed')).toBe('doomed | 0/1 | Init:Error | 0 | 5s')
    engine.close()
  })

  it('retries a failing init container behind the back-off (Init:CrashLoopBackOff) and never starts the app', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(withInit('retry', ['false']))
    engine.advance(6_000)
    expect(row(engine, 'retry')).toMatch(/^retry \| 0\/1 \| Init:CrashLoopBackOff \| 1 \(\d+s ago\) \| 6s$/)
    expect(pod(engine, 'retry').status?.phase).toBe('Pending')
    expect(pod(engine, 'retry').status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('PodInitializing')
    engine.close()
  })
})

describe('changing a running container (kuberuntime computePodActions)', () => {
  it('stops the container when its image changes and starts the new image, counting a restart, whatever the policy', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, spec: { ...MYNGINX.spec, restartPolicy: 'Never' } })
    engine.advance(30_000)
    const running = pod(engine)
    const spec = structuredClone(running.spec)
    spec.containers[0]!.image = 'nginx:1.27'
    engine.update({ ...running, spec })
    engine.advance(15_000)
    const status = pod(engine).status?.containerStatuses?.[0]
    expect(status).toMatchObject({ ready: true, restartCount: 1, image: 'docker.io/library/nginx:1.27' })
    expect(status?.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    const events = eventsFor(engine, 'mynginx')
    const said = events.map((e) => `${e.reason} ${e.message}`)
    expect(said).toContain('Killing Container nginx definition changed, will be restarted')
    expect(said).toContain('Pulling Pulling image "nginx:1.27"')
    // the same Created/Started texts again: the recorder counts them instead of writing new events
    expect(events.find((e) => e.reason === 'Started')?.count).toBe(2)
    engine.close()
  })
})

describe('deleting a Pod (k8s-behaviour.md §5)', () => {
  it('marks it Terminating with deletionTimestamp = now + 30s, emits Killing, and removes it once the container stopped', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(MYNGINX)
    engine.advance(30_000)
    engine.delete('pods', 'default', 'mynginx')
    const terminating = pod(engine)
    expect(terminating.metadata.deletionTimestamp).toBe('2025-01-01T00:01:00Z')
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30)
    // 1.32 pods carry no generation until graceful deletion bumps it (KEP-5067, "Current behavior").
    expect(terminating.metadata.generation).toBe(1)
    expect(eventsFor(engine, 'mynginx').at(-1)).toMatchObject({ reason: 'Killing', message: 'Stopping container nginx' })
    engine.advance(5_000)
    expect(() => pod(engine)).toThrow(/pods "mynginx" not found/)
    engine.close()
  })

  it('keeps a container that ignores SIGTERM (busybox sleep) Terminating for the whole grace period, then kills it', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'sleeper' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } })
    engine.advance(30_000)
    engine.delete('pods', 'default', 'sleeper')
    engine.advance(29_000)
    expect(pod(engine, 'sleeper').metadata.deletionTimestamp).toBeTruthy()
    engine.advance(1_000)
    expect(() => pod(engine, 'sleeper')).toThrow(/not found/)
    engine.close()
  })

  it('deletes an unscheduled pod at once', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'nowhere' }, spec: { ...MYNGINX.spec, nodeSelector: { disk: 'ssd' } } })
    expect(pod(engine, 'nowhere').status?.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' })
    engine.delete('pods', 'default', 'nowhere')
    expect(() => pod(engine, 'nowhere')).toThrow(/not found/)
    engine.close()
  })
})
