import { describe, expect, it } from 'vitest'
import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import type { CoreEvent } from '../../api/events/types'
import type { Engine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'

function jobManifest(name: string, command: string[], spec: Record<string, unknown> = {}, restartPolicy = 'Never') {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...spec, template: { spec: { containers: [{ name: 'c', image: 'busybox', command }], restartPolicy } } },
  }
}

const getJob = (engine: Engine, name: string) => engine.get('jobs', 'default', name) as Job
const podsOf = (engine: Engine, job: Job) =>
  (engine.list('pods', 'default').items as Pod[]).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === job.metadata.uid))
const jobEvents = (engine: Engine, name: string) =>
  (engine.list('events', 'default').items as CoreEvent[])
    .filter((e) => e.involvedObject?.kind === 'Job' && e.involvedObject.name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.type} ${e.reason} ${e.message}`)
const conditions = (job: Job) => (job.status?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason ?? ''}: ${c.message ?? ''}`)

describe('Job controller (pkg/controller/job/job_controller.go)', () => {
  it('a Job of 3 completions and parallelism 2 runs two pods, then one, and completes: SuccessCriteriaMet then Complete, CompletionsReached, events', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(jobManifest('three', ['sleep', '5'], { completions: 3, parallelism: 2 }))
    let job = getJob(engine, 'three')
    let pods = podsOf(engine, job)
    expect(pods).toHaveLength(2)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^three-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking'])
      expect(p.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'three', 'job-name': 'three', 'controller-uid': job.metadata.uid })
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'three', uid: job.metadata.uid, controller: true, blockOwnerDeletion: true }])
    }
    expect(job.status).toMatchObject({ active: 2, ready: 0, terminating: 0, startTime: '2025-01-01T00:00:00Z', uncountedTerminatedPods: {} })

    engine.advance(120_000)
    job = getJob(engine, 'three')
    expect(job.status?.succeeded).toBe(3)
    expect(job.status?.active ?? 0).toBe(0)
    expect(conditions(job)).toEqual([
      'SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods',
      'Complete=True CompletionsReached: Reached expected number of succeeded pods',
    ])
    expect(job.status?.completionTime).toBeDefined()
    pods = podsOf(engine, job)
    expect(pods).toHaveLength(3)
    expect(pods.every((p) => p.status?.phase === 'Succeeded' && (p.metadata.finalizers ?? []).length === 0)).toBe(true)
    const events = jobEvents(engine, 'three')
    expect(events.filter((e) => e.startsWith('Normal SuccessfulCreate Created pod: three-'))).toHaveLength(3)
    expect(events.at(-1)).toBe('Normal Completed Job completed')
    expect(engine.table('jobs', 'default').rows[0]?.cells.slice(0, 3)).toEqual(['three', 'Complete', '3/3'])
    engine.close()
  })

  it('a Job whose command fails fails after backoffLimit + 1 pods, waiting 10 s, 20 s, 40 s ... after each failure: FailureTarget then Failed, BackoffLimitExceeded', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(jobManifest('fails', ['false'], { backoffLimit: 2 }))
    engine.advance(600_000)
    const job = getJob(engine, 'fails')
    expect(conditions(job)).toEqual([
      'FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit',
      'Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit',
    ])
    expect(job.status?.failed).toBe(3)
    const pods = podsOf(engine, job).sort((a, b) => Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''))
    expect(pods).toHaveLength(3)
    // Each replacement waits 10 s * 2^(n-1) after the previous pod's failure (its container's finishedAt).
    const finished = (p: Pod) => Date.parse(p.status?.containerStatuses?.[0]?.state.terminated?.finishedAt ?? '')
    const created = (p: Pod) => Date.parse(p.metadata.creationTimestamp ?? '')
    expect(created(pods[1]!) - finished(pods[0]!)).toBe(10_000)
    expect(created(pods[2]!) - finished(pods[1]!)).toBe(20_000)
    const failedAt = Date.parse(job.status?.conditions?.find((c) => c.type === 'Failed')?.lastTransitionTime ?? '')
    // The third failure is seen one batch period (1 s) after the pod failed.
    expect(failedAt - finished(pods[2]!)).toBe(1_000)
    expect(jobEvents(engine, 'fails').at(-1)).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit')
    expect(engine.table('jobs', 'default').rows[0]?.cells[1]).toBe('Failed')
    engine.close()
  })

  it('activeDeadlineSeconds: a Job running past it is DeadlineExceeded at that virtual second; its pod is deleted (SuccessfulDelete)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(jobManifest('slow', ['sleep', '3600'], { activeDeadlineSeconds: 30 }))
    engine.advance(29_000)
    expect(conditions(getJob(engine, 'slow'))).toEqual([])
    engine.advance(1_000)
    const target = getJob(engine, 'slow')
    expect(conditions(target)).toEqual(['FailureTarget=True DeadlineExceeded: Job was active longer than specified deadline'])
    expect(target.status?.conditions?.[0]?.lastTransitionTime).toBe('2025-01-01T00:00:30Z')
    expect(target.status?.terminating).toBe(1)
    expect(jobEvents(engine, 'slow')).toContainEqual(expect.stringMatching(/^Normal SuccessfulDelete Deleted pod: slow-/))
    // Failed waits for the pod to finish terminating (its 30 s grace period).
    engine.advance(60_000)
    const job = getJob(engine, 'slow')
    expect(conditions(job)).toEqual([
      'FailureTarget=True DeadlineExceeded: Job was active longer than specified deadline',
      'Failed=True DeadlineExceeded: Job was active longer than specified deadline',
    ])
    expect(job.status?.failed).toBe(1)
    expect(jobEvents(engine, 'slow').at(-1)).toBe('Warning DeadlineExceeded Job was active longer than specified deadline')
    engine.close()
  })

  it('Indexed: pods <job>-<index>-<5 chars> carry the index annotation and label, hostname and JOB_COMPLETION_INDEX; completedIndexes reads 0-2', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(jobManifest('idx', ['sleep', '2'], { completions: 3, parallelism: 3, completionMode: 'Indexed' }))
    const pods = podsOf(engine, getJob(engine, 'idx')).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
    expect(pods.map((p) => p.metadata.name?.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['idx-0', 'idx-1', 'idx-2'])
    pods.forEach((p, i) => {
      expect(p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe(String(i))
      expect(p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe(String(i))
      expect(p.spec.hostname).toBe(`idx-${i}`)
      expect((p.spec.containers[0] as unknown as { env: unknown[] }).env).toEqual([
        { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
      ])
    })
    engine.advance(60_000)
    const job = getJob(engine, 'idx')
    expect(job.status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' })
    expect(conditions(job).at(-1)).toBe('Complete=True CompletionsReached: Reached expected number of succeeded pods')
    engine.close()
  })

  it('OnFailure: container restarts count against backoffLimit; the Job fails with BackoffLimitExceeded and deletes its one pod', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(jobManifest('crash', ['false'], { backoffLimit: 2 }, 'OnFailure'))
    engine.advance(6_000)
    const running = podsOf(engine, getJob(engine, 'crash'))
    expect(running).toHaveLength(1)
    expect(running[0]?.status?.containerStatuses?.[0]?.restartCount).toBe(1)
    expect(getJob(engine, 'crash').status?.conditions ?? []).toEqual([])
    engine.advance(600_000)
    const job = getJob(engine, 'crash')
    expect(conditions(job).at(-1)).toBe('Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit')
    const events = jobEvents(engine, 'crash')
    expect(events.filter((e) => e.includes('SuccessfulCreate'))).toHaveLength(1)
    expect(events.filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(1)
    engine.close()
  })

  it('podFailurePolicy FailJob on exit code 42 fails the Job at the first such pod with reason PodFailurePolicy', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(
      jobManifest('policy', ['sh', '-c', 'exit 42'], { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } }),
    )
    engine.advance(120_000)
    const job = getJob(engine, 'policy')
    const pod = podsOf(engine, job)[0]!
    expect(conditions(job)).toEqual([
      `FailureTarget=True PodFailurePolicy: Container c for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`,
      `Failed=True PodFailurePolicy: Container c for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`,
    ])
    expect(podsOf(engine, job)).toHaveLength(1)
    engine.close()
  })

  it('suspend: a suspended Job makes no pods and says Suspended (event and condition); resuming resets startTime and runs it', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(jobManifest('later', ['sleep', '2'], { suspend: true }))
    engine.advance(5_000)
    let job = getJob(engine, 'later')
    expect(podsOf(engine, job)).toHaveLength(0)
    expect(job.status?.startTime).toBeUndefined()
    expect(conditions(job)).toEqual(['Suspended=True JobSuspended: Job suspended'])
    expect(engine.table('jobs', 'default').rows[0]?.cells[1]).toBe('Suspended')
    const resumed = structuredClone(job)
    resumed.spec.suspend = false
    engine.update(resumed)
    job = getJob(engine, 'later')
    expect(job.status?.startTime).toBe('2025-01-01T00:00:05Z')
    expect(conditions(job)).toEqual(['Suspended=False JobResumed: Job resumed'])
    engine.advance(60_000)
    expect(conditions(getJob(engine, 'later')).at(-1)).toBe('Complete=True CompletionsReached: Reached expected number of succeeded pods')
    // manageJob creates the pod before the sync records the resume, as upstream's does.
    expect(jobEvents(engine, 'later').slice(0, 3)).toEqual(['Normal Suspended Job suspended', expect.stringMatching(/^Normal SuccessfulCreate /), 'Normal Resumed Job resumed'])
    engine.close()
  })

  it('the failure back-off survives the file being closed and opened again (a CLI call per step): the next pod still waits 10 s', () => {
    const file = tmpFile()
    let engine = openCluster(file, { mode: 'manual' })
    engine.create(jobManifest('again', ['false'], { backoffLimit: 3 }))
    engine.advance(4_000)
    const first = podsOf(engine, getJob(engine, 'again'))
    expect(first.map((p) => p.status?.phase)).toEqual(['Failed'])
    engine.close()
    engine = openCluster(file, { mode: 'manual' })
    engine.advance(30_000)
    const pods = podsOf(engine, getJob(engine, 'again')).sort((a, b) => Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''))
    const finishedAt = Date.parse(pods[0]?.status?.containerStatuses?.[0]?.state.terminated?.finishedAt ?? '')
    expect(Date.parse(pods[1]?.metadata.creationTimestamp ?? '') - finishedAt).toBe(10_000)
    engine.close()
  })

  it('deleting a Job releases its pods\' tracking finalizers (handleOrphanPod), so nothing keeps them once they are deleted', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(jobManifest('gone', ['sleep', '3600']))
    engine.advance(5_000)
    const [pod] = podsOf(engine, getJob(engine, 'gone'))
    expect(pod?.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking'])
    engine.delete('jobs', 'default', 'gone')
    const after = engine.get('pods', 'default', pod?.metadata.name ?? '') as Pod
    expect(after.metadata.finalizers ?? []).toEqual([])
    engine.close()
  })

  it('the same commands on the same seed give the same history, byte for byte', () => {
    const run = () => {
      const file = tmpFile()
      const engine = openCluster(file, { mode: 'manual', seed: '7' })
      engine.create(jobManifest('a', ['sleep', '3'], { completions: 4, parallelism: 2 }))
      engine.create(jobManifest('b', ['false'], { backoffLimit: 1 }))
      engine.advance(300_000)
      const out = JSON.stringify([engine.list('jobs', 'default'), engine.list('pods', 'default'), engine.list('events', 'default')])
      engine.close()
      return out
    }
    expect(run()).toBe(run())
  })
})

