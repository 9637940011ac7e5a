// Issue 8 item 9: every container state change kept with its cause (container_transitions), read through the
// Engine's timeline(namespace, pod); others (chaos, probes) announce the cause of an end they bring about.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCluster } from '../open-cluster'
import { pod, tmpFile } from '../testing/cluster'
import { undoCompactHistory } from '../testing/before-0007'
import { scriptedClusters } from './testing/recording-runtime'
import { expectEnd, type ContainerTransition } from './transitions'

const { cluster, closeAfter } = scriptedClusters()

const podOf = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec })

/** `from -> to reason (exit) cause` at seconds after the first entry. */
const lines = (ts: ContainerTransition[]) => {
  const t0 = ts[0]?.at ?? 0
  return ts.map((t) => `${(t.at - t0) / 1000}s ${t.from}->${t.to} ${t.reason}${t.exitCode !== undefined ? ` (${t.exitCode})` : ''} ${JSON.stringify(t.cause)}`)
}

describe('the container transitions log', () => {
  it('a crash loop: started, exited, back-off 10 s, back-off expired -> started, each with its cause', () => {
    const { engine } = cluster((c) => (c.podName === 'crash' ? { kind: 'exits', afterMs: 1_000, exitCode: 2 } : undefined))
    engine.create(podOf('crash', { containers: [{ name: 'c', image: 'nginx' }] }))
    engine.advance(30_000)
    expect(lines(engine.timeline('default', 'crash'))).toEqual([
      '0s waiting->running  {"kind":"started"}',
      '1s running->terminated Error (2) {"kind":"exited","exitCode":2}',
      // nginx:latest is pulled again before each start (imagePullPolicy Always: 700 ms); the dead one shows meanwhile.
      '1.7s terminated->running  {"kind":"started"}',
      '2.7s running->terminated Error (2) {"kind":"exited","exitCode":2}',
      '2.7s terminated->waiting CrashLoopBackOff {"kind":"back-off","delayMs":10000}',
      '13.4s terminated->running  {"kind":"back-off-expired","delayMs":10000}',
      '14.4s running->terminated Error (2) {"kind":"exited","exitCode":2}',
      '14.4s terminated->waiting CrashLoopBackOff {"kind":"back-off","delayMs":20000}',
    ])
    const t = engine.timeline('default', 'crash')[0]!
    expect(t).toMatchObject({ namespace: 'default', pod: 'crash', container: 'c', podUid: pod(engine, 'crash').metadata.uid })
    expect(t.containerId).toMatch(/^[0-9a-f]{64}$/)
  })

  it('an OOM kill is recorded as {kind: oom}', () => {
    const { engine } = cluster((c) => (c.podName === 'hog' ? { kind: 'exits', afterMs: 1_000, exitCode: 137, reason: 'OOMKilled' } : undefined))
    engine.create(podOf('hog', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] }))
    engine.advance(10_000)
    expect(engine.timeline('default', 'hog').map((t) => [t.to, t.reason, t.exitCode, t.cause])).toEqual([
      ['running', '', undefined, { kind: 'started' }],
      ['terminated', 'OOMKilled', 137, { kind: 'oom' }],
    ])
  })

  it('the kubelet\'s own stops carry their cause: a new image (definition-changed), then the pod\'s deletion (pod-deleted)', () => {
    const { engine } = cluster()
    engine.create(podOf('web', { containers: [{ name: 'nginx', image: 'nginx' }] }))
    engine.advance(10_000)
    const p = pod(engine, 'web')
    engine.update({ ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0]!, image: 'nginx:1.27' }] } })
    engine.advance(10_000)
    engine.delete('pods', 'default', 'web', {})
    engine.advance(5_000)
    expect(engine.timeline('default', 'web').map((t) => `${t.from}->${t.to} ${t.cause.kind}`)).toEqual([
      'waiting->running started',
      'running->terminated definition-changed',
      'terminated->running started',
      'running->terminated pod-deleted',
    ])
  })

  it('image troubles are recorded once per reason, not at each retry: ErrImagePull, ImagePullBackOff', () => {
    const { engine } = cluster()
    engine.create(podOf('hello', { containers: [{ name: 'hello', image: 'helloimage' }] }))
    engine.advance(60_000)
    const reasons = engine.timeline('default', 'hello').map((t) => `${t.to} ${t.reason} ${t.cause.kind}`)
    expect(reasons.slice(0, 2)).toEqual(['waiting ErrImagePull image', 'waiting ImagePullBackOff image'])
    // Each new pull attempt fails again: ErrImagePull, then ImagePullBackOff, alternating — never two alike in a row.
    expect(reasons.every((r, i) => i === 0 || r !== reasons[i - 1])).toBe(true)
  })

  it('an end someone announced (chaos sending SIGKILL) is recorded with their cause, once', () => {
    const { engine, runtime } = cluster()
    engine.create(podOf('victim', { containers: [{ name: 'c', image: 'nginx' }] }))
    engine.advance(10_000)
    const node = pod(engine, 'victim').spec.nodeName ?? ''
    const id = runtime().started.find((c) => c.podName === 'victim')!.containerId
    expectEnd(runtime().world, node, id, { kind: 'chaos', signal: 'SIGKILL' })
    expect(runtime().signal(node, id, 'SIGKILL')).toBe('ok')
    engine.advance(60_000)
    expect(engine.timeline('default', 'victim').map((t) => `${t.to} ${t.reason} ${t.exitCode ?? ''} ${JSON.stringify(t.cause)}`)).toEqual([
      'running   {"kind":"started"}',
      'terminated Error 137 {"kind":"chaos","signal":"SIGKILL"}',
      'running   {"kind":"started"}',
    ])
  })
})

describe('migration 0004_container_transitions', () => {
  it('opens a version-3 file migrated to version 4, with an empty log that records from then on', () => {
    const path = tmpFile()
    openCluster(path, { mode: 'manual' }).close()
    const raw = new Database(path)
    raw.exec('DROP TABLE container_transitions')
    // What 0007 (compact history) and 0005 added to version 4.
    undoCompactHistory(raw)
    raw.exec('DROP INDEX history_resource; DROP INDEX history_uid')
    // A version-3 file has none of the later tables either (0006_scheduling_verdicts, 0008_object_heads).
    raw.exec('DROP TABLE scheduling_verdicts; DROP TABLE object_heads')
    raw.pragma('user_version = 3')
    raw.close()
    const engine = openCluster(path, { mode: 'manual' })
    closeAfter(engine)
    expect(engine.timeline('default', 'web')).toEqual([])
    engine.create(podOf('web', { containers: [{ name: 'nginx', image: 'nginx' }] }))
    engine.advance(10_000)
    expect(engine.timeline('default', 'web').map((t) => t.to)).toEqual(['running'])
  })
})
