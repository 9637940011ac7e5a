// computePodActions, case by case, after upstream's TestComputePodActions, TestComputePodActionsWithInitContainers
// and TestComputePodActionsWithRestartableInitContainers (pkg/kubelet/kuberuntime/kuberuntime_manager_test.go):
// the pod "foo" in "new" with busybox containers foo1..foo3. Cases about dead sandboxes, unknown or created
// container states and probes have no counterpart here (sandboxes never die, the runtime never loses track, no
// probes yet); the cases about pulls, back-off and deletion are this runtime's own.

import { describe, expect, it } from 'vitest'
import type { Container, Pod, PodSpec } from '../api/pods/types'
import { computePodActions, type NodeView, type PodActions } from './pod-actions'
import type { ContainerRuntime, PodRuntime, RunningContainer } from './runtime-state'

const NOW = Date.UTC(2025, 0, 1, 0, 10)
const node: NodeView = { now: NOW, hasImage: () => true }

const app = (name: string): Container => ({ name, image: 'busybox' })
const sidecar = (name: string): Container => ({ name, image: 'busybox', restartPolicy: 'Always' })

function makePod(spec: Partial<PodSpec> = {}, deleting = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'foo', namespace: 'new', uid: '12345678', ...(deleting ? { deletionTimestamp: '2025-01-01T00:10:30Z' } : {}) },
    spec: { containers: [app('foo1'), app('foo2'), app('foo3')], ...spec },
  } as Pod
}

const running = (extra: Partial<RunningContainer> = {}): RunningContainer => ({
  stage: 'running',
  restartCount: 0,
  containerId: 'c0ffee',
  image: 'busybox',
  startedAt: NOW - 60_000,
  ...extra,
})
/** A container whose process ended a moment ago with `code`. */
const ended = (code: number, extra: Partial<RunningContainer> = {}) => running({ exit: { at: NOW - 1, code }, ...extra })
const dead = { exitCode: 1, startedAt: NOW - 20_000, finishedAt: NOW - 10_000, containerId: 'dead' }

function runtime(containers: Record<string, ContainerRuntime>, initContainers?: Record<string, ContainerRuntime>): PodRuntime {
  return { uid: '12345678', seenAt: NOW - 120_000, sandboxReadyAt: NOW - 119_000, ip: '10.244.1.2', containers, ...(initContainers ? { initContainers } : {}) }
}
const allRunning = () => ({ foo1: running(), foo2: running(), foo3: running() })

/** The upstream-shaped part of the answer, plus each step's action kind. */
function summary(a: PodActions) {
  return {
    killPod: a.killPod,
    createSandbox: a.createSandbox,
    initContainersToStart: a.initContainersToStart,
    containersToStart: a.containersToStart,
    containersToKill: a.containersToKill.map((k) => `${k.init ? 'init' : 'app'}[${k.index}] ${k.reason}: ${k.message}`),
    steps: a.steps.map((s) => `${s.spec.name}:${s.action.kind}`),
  }
}

interface Case {
  name: string
  pod: Pod
  rt: PodRuntime
  view?: NodeView
  want: Partial<ReturnType<typeof summary>>
}

const NONE = { killPod: false, createSandbox: false, initContainersToStart: [], containersToStart: [], containersToKill: [] }

function check(cases: Case[]) {
  for (const c of cases) {
    it(c.name, () => {
      const got = summary(computePodActions(c.pod, c.rt, c.view ?? node))
      expect(got).toMatchObject({ ...NONE, ...c.want })
    })
  }
}

describe('computePodActions (TestComputePodActions)', () => {
  check([
    {
      name: 'Start all containers: create the sandbox once its time has come, then start foo1..foo3',
      pod: makePod(),
      rt: { uid: '12345678', seenAt: NOW - 1_000, sandboxReadyAt: NOW, containers: {} },
      want: { createSandbox: true, containersToStart: [0, 1, 2], steps: ['foo1:start', 'foo2:start', 'foo3:start'] },
    },
    {
      name: 'No sandbox before its time: nothing else happens meanwhile',
      pod: makePod(),
      rt: { uid: '12345678', seenAt: NOW, sandboxReadyAt: NOW + 1_000, containers: {} },
      want: { steps: [] },
    },
    {
      name: 'No actions when all containers are running',
      pod: makePod(),
      rt: runtime(allRunning()),
      want: { steps: ['foo1:wait', 'foo2:wait', 'foo3:wait'] },
    },
    {
      name: 'Restart exited containers if RestartPolicy == Always',
      pod: makePod({ restartPolicy: 'Always' }),
      rt: runtime({ foo1: ended(0), foo2: ended(111), foo3: running() }),
      want: { containersToStart: [0, 1], steps: ['foo1:reap', 'foo2:reap', 'foo3:wait'] },
    },
    {
      name: 'Restart failed containers if RestartPolicy == OnFailure',
      pod: makePod({ restartPolicy: 'OnFailure' }),
      rt: runtime({ foo1: ended(0), foo2: ended(111), foo3: running() }),
      want: { containersToStart: [1] },
    },
    {
      name: "Don't restart containers if RestartPolicy == Never",
      pod: makePod({ restartPolicy: 'Never' }),
      rt: runtime({ foo1: ended(0), foo2: ended(111), foo3: running() }),
      want: { containersToStart: [], steps: ['foo1:reap', 'foo2:reap', 'foo3:wait'] },
    },
    {
      // Upstream starts it again in the same sync; here the replacement starts once the stop has ended.
      name: "Kill and recreate the container if the container's spec changed (whatever the RestartPolicy)",
      pod: makePod({ restartPolicy: 'Never', containers: [app('foo1'), { name: 'foo2', image: 'busybox:1.36' }, app('foo3')] }),
      rt: runtime(allRunning()),
      want: { containersToKill: ['app[1] DefinitionChanged: Container foo2 definition changed, will be restarted'] },
    },
    {
      name: 'A container being replaced is not killed twice; its end restarts it even under RestartPolicy == Never',
      pod: makePod({ restartPolicy: 'Never', containers: [app('foo1'), { name: 'foo2', image: 'busybox:1.36' }, app('foo3')] }),
      rt: runtime({ foo1: running(), foo2: ended(0, { replacing: true }), foo3: running() }),
      want: { containersToStart: [1], containersToKill: [] },
    },
    {
      name: 'Keep a container that was restarted recently dead behind the back-off (CrashLoopBackOff), not started',
      pod: makePod(),
      rt: runtime({ foo1: ended(1, { restartBackOff: { delayMs: 20_000, lastUpdate: NOW - 5_000 } }), foo2: running(), foo3: running() }),
      want: { containersToStart: [], steps: ['foo1:reap', 'foo2:wait', 'foo3:wait'] },
    },
    {
      name: 'Restart a container in CrashLoopBackOff once its back-off has ended',
      pod: makePod(),
      rt: runtime({
        foo1: { stage: 'crash-backoff', restartCount: 2, dead, waiting: { reason: 'CrashLoopBackOff', message: '' }, until: NOW },
        foo2: { stage: 'crash-backoff', restartCount: 2, dead, waiting: { reason: 'CrashLoopBackOff', message: '' }, until: NOW + 1 },
        foo3: running(),
      }),
      want: { containersToStart: [0], steps: ['foo1:restart', 'foo2:wait', 'foo3:wait'] },
    },
    {
      name: 'A pull under way holds the containers after it (SyncPod pulls synchronously)',
      pod: makePod(),
      rt: runtime({ foo1: running(), foo2: { stage: 'pulling', restartCount: 0, pullStartedAt: NOW - 100, until: NOW + 500 } }),
      want: { steps: ['foo1:wait', 'foo2:wait'] },
    },
    {
      name: 'A finished pull starts its container; ErrImagePull turns into ImagePullBackOff, and a pull back-off that ended pulls again',
      pod: makePod(),
      rt: runtime({
        foo1: { stage: 'pull-failed', restartCount: 0, waiting: { reason: 'ErrImagePull', message: '' }, until: NOW, backOffUntil: NOW + 9_000 },
        foo2: { stage: 'pull-failed', restartCount: 0, waiting: { reason: 'ImagePullBackOff', message: '' }, until: NOW, backOffUntil: NOW },
        foo3: { stage: 'pulling', restartCount: 0, pullStartedAt: NOW - 100, until: NOW },
      }),
      want: { containersToStart: [1, 2], steps: ['foo1:report-pull-back-off', 'foo2:retry-pull', 'foo3:finish-pull'] },
    },
    {
      name: 'ErrImageNeverPull is said once: a waiting container whose image may not be pulled and is absent waits',
      pod: makePod({ containers: [{ name: 'foo1', image: 'busybox', imagePullPolicy: 'Never' }] }),
      rt: runtime({ foo1: { stage: 'waiting', restartCount: 0, waiting: { reason: 'ErrImageNeverPull', message: '' } } }),
      view: { now: NOW, hasImage: () => false },
      want: { steps: ['foo1:wait'] },
    },
    {
      name: 'Kill every running container when the pod is being deleted (KillPod), and nothing else',
      pod: makePod({}, true),
      rt: runtime({ foo1: running(), foo2: { stage: 'exited', restartCount: 0, dead }, foo3: running() }),
      want: {
        killPod: true,
        containersToKill: ['app[0] PodDeleted: Stopping container foo1', 'app[2] PodDeleted: Stopping container foo3'],
        steps: [],
      },
    },
    {
      name: 'A pod already being stopped has nothing more to kill',
      pod: makePod({}, true),
      rt: { ...runtime(allRunning()), killing: { startedAt: NOW - 1_000, deadline: NOW + 29_000 } },
      want: { killPod: true, containersToKill: [] },
    },
  ])

  it('is always the first sandbox attempt, and never starts ephemeral containers', () => {
    const actions = computePodActions(makePod(), runtime(allRunning()), node)
    expect([actions.attempt, actions.ephemeralContainersToStart]).toEqual([0, []])
  })
})

describe('computePodActions with init containers (TestComputePodActionsWithInitContainers)', () => {
  const withInit = (restartPolicy?: 'Always' | 'OnFailure' | 'Never') => makePod({ restartPolicy, initContainers: [app('init1')] })
  check([
    {
      name: 'initialization completed; start all containers',
      pod: withInit(),
      rt: runtime({}, { init1: { stage: 'exited', restartCount: 0, dead: { ...dead, exitCode: 0 } } }),
      want: { containersToStart: [0, 1, 2] },
    },
    {
      name: 'no init containers have been started; start the first one',
      pod: withInit(),
      rt: runtime({}, {}),
      want: { initContainersToStart: [0], steps: ['init1:start'] },
    },
    {
      name: 'initialization in progress; do nothing',
      pod: withInit(),
      rt: runtime({}, { init1: running() }),
      want: { steps: ['init1:wait'] },
    },
    {
      name: 'initialization failed; restart the last init container if RestartPolicy == Always',
      pod: withInit('Always'),
      rt: runtime({}, { init1: ended(137) }),
      want: { initContainersToStart: [0] },
    },
    {
      name: 'initialization failed; restart the last init container if RestartPolicy == OnFailure',
      pod: withInit('OnFailure'),
      rt: runtime({}, { init1: ended(137) }),
      want: { initContainersToStart: [0] },
    },
    {
      // Upstream says KillPod; here nothing of the pod runs any more, and it is left Failed.
      name: 'initialization failed; neither restart nor start anything if RestartPolicy == Never',
      pod: withInit('Never'),
      rt: runtime({}, { init1: ended(137) }),
      want: { steps: ['init1:reap'] },
    },
  ])
})

describe('computePodActions with restartable init containers (TestComputePodActionsWithRestartableInitContainers)', () => {
  const sidecars = (restartPolicy?: 'Always' | 'OnFailure' | 'Never', init = [sidecar('restartable-init-1'), sidecar('restartable-init-2'), sidecar('restartable-init-3')]) =>
    makePod({ restartPolicy, initContainers: init })
  const threeRunning = () => ({ 'restartable-init-1': running(), 'restartable-init-2': running(), 'restartable-init-3': running() })
  check([
    {
      name: 'initialization completed; start all containers',
      pod: sidecars(),
      rt: runtime({}, threeRunning()),
      want: { containersToStart: [0, 1, 2], steps: ['restartable-init-1:wait', 'restartable-init-2:wait', 'restartable-init-3:wait', 'foo1:start', 'foo2:start', 'foo3:start'] },
    },
    {
      name: 'no init containers have been started; start the first one',
      pod: sidecars(),
      rt: runtime({}, {}),
      want: { initContainersToStart: [0], steps: ['restartable-init-1:start'] },
    },
    {
      name: 'a restartable init container has started; start the next one',
      pod: sidecars(),
      rt: runtime({}, { 'restartable-init-1': running() }),
      want: { initContainersToStart: [1] },
    },
    {
      name: 'a restartable init container exited after initialization; restart it',
      pod: sidecars(),
      rt: runtime(allRunning(), { ...threeRunning(), 'restartable-init-2': ended(1) }),
      want: { initContainersToStart: [1], containersToStart: [] },
    },
    {
      name: 'a restartable init container exited under RestartPolicy == Never; restart it',
      pod: sidecars('Never'),
      rt: runtime(allRunning(), { ...threeRunning(), 'restartable-init-3': ended(0) }),
      want: { initContainersToStart: [2] },
    },
    {
      name: 'a restartable init container in back-off still counts as started: the next ones and the app containers go on',
      pod: sidecars(),
      rt: runtime({}, {
        ...threeRunning(),
        'restartable-init-1': { stage: 'crash-backoff', restartCount: 1, dead, waiting: { reason: 'CrashLoopBackOff', message: '' }, until: NOW + 5_000 },
      }),
      want: { containersToStart: [0, 1, 2] },
    },
    {
      name: 'a restartable init container whose definition changed is killed and restarted',
      pod: sidecars(undefined, [sidecar('restartable-init-1'), { ...sidecar('restartable-init-2'), image: 'busybox:1.36' }, sidecar('restartable-init-3')]),
      rt: runtime(allRunning(), threeRunning()),
      want: { containersToKill: ['init[1] DefinitionChanged: Container restartable-init-2 definition changed, will be restarted'] },
    },
    {
      name: 'a regular init container after a sidecar waits until the sidecar has started',
      pod: makePod({ initContainers: [sidecar('restartable-init-1'), app('init2')] }),
      rt: runtime({}, { 'restartable-init-1': { stage: 'pulling', restartCount: 0, pullStartedAt: NOW - 100, until: NOW + 100 } }),
      want: { steps: ['restartable-init-1:wait'] },
    },
  ])
})
