import { describe, expect, it } from 'vitest'
import type { Job } from '../../api/batch/types'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'
import { jobCells } from './table'

// `kubectl create job pi --image=perl --dry-run=client -o yaml -- perl -e 1` (kubectl v1.32.4).
const PI = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { creationTimestamp: null, name: 'pi' },
  spec: {
    template: {
      metadata: { creationTimestamp: null },
      spec: { containers: [{ command: ['perl', '-e', '1'], image: 'perl', name: 'pi', resources: {} }], restartPolicy: 'Never' },
    },
  },
  status: {},
}

const withRestart = (restartPolicy?: string) => {
  const job = structuredClone(PI) as unknown as Job
  if (restartPolicy === undefined) delete job.spec.template.spec.restartPolicy
  else job.spec.template.spec.restartPolicy = restartPolicy as Job['spec']['template']['spec']['restartPolicy']
  return job
}

describe('batch/v1 Job kind (pkg/registry/batch/job/strategy.go, pkg/apis/batch/v1/defaults.go)', () => {
  it('defaults completions/parallelism 1, backoffLimit 6, NonIndexed, suspend and manualSelector false, podReplacementPolicy TerminatingOrFailed; generation 1', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = engine.create(PI) as Job
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    })
    expect(job.metadata.generation).toBe(1)
    expect(job.spec.template.spec).toMatchObject({ dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30 })
    engine.close()
  })

  it('generates the selector on batch.kubernetes.io/controller-uid and the four job labels on the template (and the Job)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = engine.create(PI) as Job
    const uid = job.metadata.uid ?? ''
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } })
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' }
    expect(job.spec.template.metadata?.labels).toEqual(labels)
    expect(job.metadata.labels).toEqual(labels)
    engine.close()
  })

  it.each([
    [undefined, 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ['Always', 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
  ])('refuses restartPolicy %s with Required value (ValidateJobSpec checks Always and "" first)', (restart, text) => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(() => engine.create(withRestart(restart))).toThrow(`Job.batch "pi" is invalid: ${text}`)
    engine.close()
  })

  it('refuses negative parallelism, completions, backoffLimit and activeDeadlineSeconds, listing each as kubectl does', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = withRestart('OnFailure')
    Object.assign(job.spec, { parallelism: -1, completions: -2, activeDeadlineSeconds: -3, backoffLimit: -4 })
    expect(() => engine.create(job)).toThrow(
      'Job.batch "pi" is invalid: [spec.parallelism: Invalid value: -1: must be greater than or equal to 0, spec.completions: Invalid value: -2: must be greater than or equal to 0, spec.activeDeadlineSeconds: Invalid value: -3: must be greater than or equal to 0, spec.backoffLimit: Invalid value: -4: must be greater than or equal to 0]',
    )
    engine.close()
  })

  it('requires completions for an Indexed Job, and a name whose last pod hostname is a DNS label', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = withRestart('Never')
    job.spec.completionMode = 'Indexed'
    job.spec.parallelism = 2
    expect(() => engine.create(job)).toThrow('spec.completions: Required value: when completion mode is Indexed')
    const long = withRestart('Never')
    Object.assign(long.spec, { completionMode: 'Indexed', completions: 10 })
    long.metadata.name = 'x'.repeat(62)
    expect(() => engine.create(long)).toThrow(`metadata.name: Invalid value: "${'x'.repeat(62)}": will not able to create pod with invalid DNS label: ${'x'.repeat(62)}-9`)
    engine.close()
  })

  it('refuses a podFailurePolicy rule with neither onExitCodes nor onPodConditions, and OnFailure with a podFailurePolicy', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = withRestart('OnFailure')
    job.spec.podFailurePolicy = { rules: [{ action: 'FailJob' }] }
    expect(() => engine.create(job)).toThrow(
      'Job.batch "pi" is invalid: [spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required, spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified]',
    )
    engine.close()
  })

  it('keeps the template and completions for the Job\'s life: field is immutable; other spec changes bump the generation', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(PI)
    // The Job controller has written the status since: update the Job as it is now.
    const job = engine.get('jobs', 'default', 'pi') as Job
    const changed = structuredClone(job)
    changed.spec.template.spec.containers[0]!.image = 'perl:5'
    expect(() => engine.update(changed)).toThrow('spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable')
    const more = structuredClone(job)
    more.spec.completions = 3
    expect(() => engine.update(more)).toThrow('Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable')
    const parallel = structuredClone(engine.get('jobs', 'default', 'pi') as Job)
    parallel.spec.parallelism = 4
    expect((engine.update(parallel) as Job).metadata.generation).toBe(2)
    engine.close()
  })
})

describe('ValidateJob / ValidateJobUpdate details', () => {
  it('a template job-name label that is not the Job\'s name: must be \'<name>\', the labels printed as Go prints a map', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = withRestart('Never')
    job.spec.template.metadata = { labels: { 'job-name': 'other' } }
    expect(() => engine.create(job)).toThrow(/^Job\.batch "pi" is invalid: spec\.template\.metadata\.labels\[job-name\]: Invalid value: map\[string\]string\{"batch\.kubernetes\.io\/controller-uid":"[0-9a-f-]+", "batch\.kubernetes\.io\/job-name":"pi", "controller-uid":"[0-9a-f-]+", "job-name":"other"\}: must be 'pi'$/)
    engine.close()
  })

  it('podFailurePolicy onExitCodes: In with 0, duplicates and unordered values, each with its path', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = withRestart('Never')
    job.spec.podFailurePolicy = { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [0, 3, 3, 1] } }] }
    expect(() => engine.create(job)).toThrow(
      'Job.batch "pi" is invalid: [spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator, spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3, spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 3, 3, 1}: must be ordered]',
    )
    engine.close()
  })

  it('an Indexed Job may change completions in tandem with parallelism (ElasticIndexedJob), not alone', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = withRestart('Never')
    Object.assign(job.spec, { completionMode: 'Indexed', completions: 2, parallelism: 2, suspend: true })
    engine.create(job)
    const alone = structuredClone(engine.get('jobs', 'default', 'pi') as Job)
    alone.spec.completions = 4
    expect(() => engine.update(alone)).toThrow('Job.batch "pi" is invalid: spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism')
    const both = structuredClone(engine.get('jobs', 'default', 'pi') as Job)
    Object.assign(both.spec, { completions: 4, parallelism: 4 })
    expect((engine.update(both) as Job).spec.completions).toBe(4)
    engine.close()
  })
})

describe('kubectl get jobs cells (printJob)', () => {
  const base = (spec: Partial<Job['spec']>, status: Job['status'] = {}): Job =>
    ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }, { name: 'b', image: 'busybox' }] } }, ...spec },
      status,
    }) as Job
  const now = Date.parse('2025-01-01T00:05:00Z')

  it.each([
    ['Running with completions', base({ completions: 3 }, { succeeded: 1, startTime: '2025-01-01T00:00:10Z' }), ['pi', 'Running', '1/3', '4m50s', '5m']],
    ['a work queue: n/1 of parallelism', base({ parallelism: 2 }, { succeeded: 0 }), ['pi', 'Running', '0/1 of 2', '', '5m']],
    ['parallelism 1 without completions', base({ parallelism: 1 }), ['pi', 'Running', '0/1', '', '5m']],
    [
      'Complete: the duration stops at completionTime',
      base({ completions: 1 }, { succeeded: 1, startTime: '2025-01-01T00:00:00Z', completionTime: '2025-01-01T00:00:07Z', conditions: [{ type: 'Complete', status: 'True' }] }),
      ['pi', 'Complete', '1/1', '7s', '5m'],
    ],
    ['Failed', base({ completions: 1 }, { conditions: [{ type: 'Failed', status: 'True' }] }), ['pi', 'Failed', '0/1', '', '5m']],
    ['Suspended', base({ completions: 1 }, { conditions: [{ type: 'Suspended', status: 'True' }] }), ['pi', 'Suspended', '0/1', '', '5m']],
    ['FailureTarget', base({ completions: 1 }, { conditions: [{ type: 'FailureTarget', status: 'True' }] }), ['pi', 'FailureTarget', '0/1', '', '5m']],
  ])('%s', (_name, job, want) => {
    expect(jobCells(job, now).slice(0, 5)).toEqual(want)
  })

  it('Terminating while deleting; wide cells list the containers, images and the selector', () => {
    const job = base({ completions: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } } })
    job.metadata.deletionTimestamp = '2025-01-01T00:04:00Z'
    expect(jobCells(job, now)).toEqual(['pi', 'Terminating', '0/1', '', '5m', 'pi,b', 'perl,busybox', 'batch.kubernetes.io/controller-uid=u'])
  })
})
